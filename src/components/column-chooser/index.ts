// Show/hide a list's columns: see column-chooser.tsx and use-column-visibility.ts.
export { ColumnChooser } from './column-chooser.tsx';
export { useColumnVisibility } from './use-column-visibility.ts';
