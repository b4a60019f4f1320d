// Web Worker: reads an uploaded file off the main thread (a 20k-row workbook takes exceljs a
// second or more), answering with the table or the refusal's i18n key.
import { ImportError } from './import-error.ts';
import { readTableBytes } from './read-file.ts';
import type { RawTable } from './raw-table.ts';

export interface ReadRequest {
  bytes: ArrayBuffer;
  fileName: string;
}
export type ReadResponse = { ok: true; table: RawTable } | { ok: false; key: string; params: Record<string, unknown> };

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadRequest>) => void) | null; postMessage(message: ReadResponse): void };

scope.onmessage = async ({ data }) => {
  try {
    scope.postMessage({ ok: true, table: await readTableBytes(new Uint8Array(data.bytes), data.fileName) });
  } catch (error) {
    scope.postMessage(error instanceof ImportError ? { ok: false, key: error.key, params: error.params } : { ok: false, key: 'import.errors.malformed', params: {} });
  }
};
