// Shared list import: see import-button.tsx (UI) and commit.ts (the one bulk insert).
export { ImportButton } from './import-button.tsx';
