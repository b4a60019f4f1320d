// Shared list export: see export-button.tsx.
export { ListExportButton } from './export-button.tsx';
export { rowsToSheet, sheetToCsv, type ExportColumn, type Cell, type Sheet } from './sheet.ts';
export { fetchAllRecords, ExportCapError, EXPORT_CAP, EXPORT_PAGE_SIZE } from './fetch-all.ts';
