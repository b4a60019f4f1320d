// Document files and grants: uploads (with progress) and downloads through the document-access
// function, new documents with their first version, access requests sent into the approval engine.
// Errors are thrown for useApiMessage.
import { anonKey, apiUrl, supabase } from '../../providers/supabase-client.ts';
import { uploadWithProgress } from '../../components/file-upload/upload-with-progress.ts';
import { functionError } from './function-error.ts';
import type { DocumentRecord } from './options.ts';

type Progress = (percent: number) => void;

/** Stores a secret document's file through the function: the storage API never takes those. */
async function uploadThroughFunction(documentId: string, file: File, onProgress: Progress): Promise<string> {
  const { data } = await supabase.auth.getSession();
  const url = `${apiUrl}/functions/v1/document-access?action=upload&document_id=${documentId}&file_name=${encodeURIComponent(file.name)}`;
  return new Promise<string>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${data.session?.access_token ?? anonKey}`);
    xhr.setRequestHeader('apikey', anonKey);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: { path?: string; error?: { code?: string; message?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: the status alone says enough */
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.path) return resolve(body.path);
      const code = body.error?.code;
      reject({ status: xhr.status, code, message: body.error?.message, hint: code === 'forbidden' ? 'documents.errors.not_allowed' : undefined });
    };
    xhr.onerror = () => reject(new TypeError('Failed to fetch'));
    xhr.send(file);
  });
}

/** Uploads the file and records it as the document's next version. */
export async function addVersion(doc: Pick<DocumentRecord, 'id' | 'access_level'>, file: File, userId: string, onProgress: Progress, note?: string) {
  let path: string;
  if (doc.access_level === 'secret') {
    path = await uploadThroughFunction(doc.id, file, onProgress);
  } else {
    path = `${doc.id}/${crypto.randomUUID()}-${file.name}`;
    await uploadWithProgress('documents', path, file, onProgress);
  }
  const { error } = await supabase.from('document_versions').insert({
    document_id: doc.id, storage_path: path, file_name: file.name, size_bytes: file.size,
    mime_type: file.type || null, note: note || null, uploaded_by: userId,
  });
  if (error) throw error;
}

/** A new document with its first version; nothing is left behind when the file is refused. */
export async function createDocument(values: Record<string, unknown>, file: File, userId: string, onProgress: Progress): Promise<DocumentRecord> {
  const { data, error } = await supabase.from('documents').insert({ ...values, owner_id: userId }).select().single();
  if (error) throw error;
  const doc = data as DocumentRecord;
  try {
    await addVersion(doc, file, userId, onProgress);
  } catch (uploadError) {
    await supabase.from('documents').delete().eq('id', doc.id);
    throw uploadError;
  }
  return doc;
}

/** Opens a version through the document-access function (it checks, logs and signs for 60 s). */
export async function openVersion(documentId: string, versionNo?: number): Promise<{ signed_url: string; file_name: string }> {
  const { data, error } = await supabase.functions.invoke('document-access', { body: { document_id: documentId, version_no: versionNo ?? null } });
  if (error) throw await functionError(error, 'documents.access');
  return data as { signed_url: string; file_name: string };
}

/** Starts the browser's download of a signed URL (the server names the file). */
export function startDownload(url: string, fileName: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.click();
}

/** Asks for a secret document for some days: a request row, then the approval engine. */
export async function requestAccess(documentId: string, reason: string, periodDays: number) {
  const { data, error } = await supabase.from('document_access_requests')
    .insert({ document_id: documentId, reason, period_days: periodDays }).select('id').single();
  if (error) throw error;
  const submitted = await supabase.rpc('approval_submit', { record_type: 'document_access', record_id: (data as { id: string }).id, comment: null });
  if (submitted.error) throw submitted.error;
}
