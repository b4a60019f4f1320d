// Shared list export: see export-button.tsx.
export { ListExportButton } from './export-button.tsx';
export { rowsToSheet, sheetToCsv, type ExportColumn, type Cell, type Sheet } from './sheet.ts';
export { fetchAllRecords, forEachPage, ExportCapError, EXPORT_CAP, EXPORT_PAGE_SIZE } from './fetch-all.ts';
export { exportFile, type ExportFormat } from './export-file.ts';
