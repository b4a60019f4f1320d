// Bounds of one import: beyond them the file is refused with a clear message before any parsing
// work that could freeze the page.
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 20000;
export const MAX_COLUMNS = 200;
