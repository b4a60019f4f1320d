// Where the reader's file comes from: for a PDF, a stamped copy in the `document-copies` bucket
// (service role only); for anything else, or a PDF that cannot be stamped, the stored original.
// The reader's older copies are removed on the way, so copies live minutes, not forever.
import type { SupabaseClient } from '@supabase/supabase-js';
import { stampPdf, type Reader } from './stamp.ts';

const COPIES = 'document-copies';
const COPY_LIFETIME_MS = 10 * 60 * 1000;

export interface FileRef {
  bucket: string;
  path: string;
  stamped: boolean;
}

async function pruneCopies(admin: SupabaseClient, userId: string): Promise<void> {
  const { data } = await admin.storage.from(COPIES).list(userId, { limit: 100 });
  const old = (data ?? []).filter((f) => f.created_at && Date.now() - Date.parse(f.created_at) > COPY_LIFETIME_MS);
  if (old.length > 0) await admin.storage.from(COPIES).remove(old.map((f) => `${userId}/${f.name}`));
}

export async function readerFile(
  admin: SupabaseClient, userId: string, objectPath: string, mimeType: string | null, reader: Reader,
): Promise<FileRef> {
  const original: FileRef = { bucket: 'documents', path: objectPath, stamped: false };
  if (mimeType !== 'application/pdf' && !objectPath.toLowerCase().endsWith('.pdf')) return original;
  const { data: blob, error } = await admin.storage.from('documents').download(objectPath);
  if (error || !blob) return original;
  const stamped = await stampPdf(new Uint8Array(await blob.arrayBuffer()), reader);
  if (!stamped) return original;
  await pruneCopies(admin, userId);
  const path = `${userId}/${crypto.randomUUID()}.pdf`;
  const up = await admin.storage.from(COPIES).upload(path, stamped, { contentType: 'application/pdf' });
  return up.error ? original : { bucket: COPIES, path, stamped: true };
}
