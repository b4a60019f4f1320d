// CSV bytes → RawTable with papaparse. The text is UTF-8 (with or without BOM) or, when it is not
// valid UTF-8, GBK — what Excel and WPS on a Chinese Windows save as "CSV".
import Papa from 'papaparse';
import { ImportError } from './import-error.ts';
import { toRawTable, type RawTable } from './raw-table.ts';

export function decodeText(bytes: Uint8Array): string {
  try {
    // TextDecoder drops a leading BOM; `fatal` makes invalid UTF-8 throw instead of becoming U+FFFD.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gbk', { fatal: true }).decode(bytes);
    } catch {
      throw new ImportError('import.errors.encoding');
    }
  }
}

export function readCsv(bytes: Uint8Array): RawTable {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new ImportError('import.errors.malformed');
  // Empty lines are kept here (and dropped by toRawTable) so row numbers stay those of the file.
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false });
  // Quotes that never close make papaparse swallow the rest of the file: refuse rather than guess.
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new ImportError('import.errors.csvQuotes', { row: (fatal.row ?? 0) + 1 });
  return toRawTable(result.data.map((row) => row.map((cell) => cell ?? '')));
}
