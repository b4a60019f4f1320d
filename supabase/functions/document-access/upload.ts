// Upload of a new version's file for a writer of the document (owner or line manager). Needed for
// secret documents: the storage API refuses their objects to everyone, so the file is stored here
// with the service role after the database confirmed, as the caller, that they may write.
// POST ?action=upload&document_id=…&file_name=… with the file as the raw body and its Content-Type.
// The bucket's size limit and allowed types still apply. Answers { path }; the caller then
// records the version (document_versions insert, checked by RLS).
import { json } from '../_shared/cors.ts';
import { adminClient, userClient } from '../_shared/clients.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}

export async function uploadVersionFile(req: Request, url: URL): Promise<Response> {
  const documentId = url.searchParams.get('document_id') ?? '';
  const fileName = (url.searchParams.get('file_name') ?? '').trim();
  if (!UUID.test(documentId)) return fail(400, 'validation_failed', 'document_id must be an id');
  if (!fileName || fileName.length > 200 || /[\\/]/.test(fileName) || fileName === '.' || fileName === '..') {
    return fail(400, 'validation_failed', 'file_name must be a plain file name');
  }
  const { data: writable, error } = await userClient(req).rpc('document_writable', { document_id: documentId });
  if (error) return fail(500, 'internal', 'the permission could not be checked');
  if (writable !== true) return fail(403, 'forbidden', 'you cannot add versions to this document');

  const contentType = req.headers.get('content-type') ?? 'application/octet-stream';
  const path = `${documentId}/${crypto.randomUUID()}-${fileName}`;
  const body = await req.arrayBuffer();
  const stored = await adminClient().storage.from('documents').upload(path, body, { contentType });
  if (stored.error) {
    const status = Number((stored.error as { statusCode?: string }).statusCode) || 400;
    return fail(status, 'upload_refused', stored.error.message);
  }
  return json({ path }, 201);
}
