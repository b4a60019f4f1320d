// An uploaded file → RawTable, by its extension: .csv / .txt through papaparse, .xlsx through
// exceljs. Size is checked first so a huge file is refused before it is read.
import { ImportError } from './import-error.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import type { RawTable } from './raw-table.ts';
import type { ReadRequest, ReadResponse } from './read-worker.ts';

export type ImportFormat = 'csv' | 'xlsx';

export function formatOf(fileName: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  throw new ImportError('import.errors.format');
}

export async function readTableBytes(bytes: Uint8Array, fileName: string): Promise<RawTable> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw new ImportError('import.errors.tooLarge', { mb: MAX_FILE_BYTES / 1024 / 1024 });
  if (bytes.byteLength === 0) throw new ImportError('import.errors.empty');
  return formatOf(fileName) === 'csv' ? readCsv(bytes) : readXlsx(bytes);
}

/** Reads in a Web Worker so the page stays responsive; on the main thread where workers fail. */
export async function readTableFile(file: File): Promise<RawTable> {
  formatOf(file.name);
  if (file.size > MAX_FILE_BYTES) throw new ImportError('import.errors.tooLarge', { mb: MAX_FILE_BYTES / 1024 / 1024 });
  const bytes = await file.arrayBuffer();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return readTableBytes(new Uint8Array(bytes), file.name);
  }
  return new Promise<RawTable>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<ReadResponse>) => {
      worker.terminate();
      if (data.ok) resolve(data.table);
      else reject(new ImportError(data.key, data.params));
    };
    worker.onerror = (event) => {
      // The worker script did not load (old browser, blocked): read here instead.
      event.preventDefault();
      worker.terminate();
      file.arrayBuffer().then((again) => readTableBytes(new Uint8Array(again), file.name)).then(resolve, reject);
    };
    worker.postMessage({ bytes, fileName: file.name } satisfies ReadRequest, [bytes]);
  });
}
