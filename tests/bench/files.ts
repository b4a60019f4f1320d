// The generated documents' real files: the first `n` documents get a first version, uploaded
// through the storage API into the `documents` bucket (path starts with the document id, as the
// app stores them), then their version rows in one statement.
import crypto from 'node:crypto';
import type { TestStack } from '../helpers/stack.ts';

/** The id generate.ts gives document d: md5('bench-document-' || d)::uuid. */
export function benchDocumentId(d: number): string {
  const h = crypto.createHash('md5').update(`bench-document-${d}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function uploadDocumentFiles(t: TestStack, n: number, concurrency = 8): Promise<number> {
  const storage = t.admin().storage.from('documents');
  let next = 1;
  const worker = async () => {
    while (next <= n) {
      const d = next++;
      const body = new Blob([`%PDF-1.4\n% bench document ${d}\n${'0123456789abcdef'.repeat(256 + (d % 64) * 16)}\n%%EOF\n`], { type: 'application/pdf' });
      const { error } = await storage.upload(`${benchDocumentId(d)}/v1-document-${d}.pdf`, body, { upsert: true });
      if (error) throw new Error(`upload of document ${d}: ${error.message}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await t.stack.ctx.db.exec(`
    insert into public.document_versions (document_id, version_no, storage_path, file_name, size_bytes, mime_type, uploaded_by)
    select md5('bench-document-' || d)::uuid, 1, md5('bench-document-' || d)::uuid::text || '/v1-document-' || d || '.pdf',
           'document-' || d || '.pdf', (o.metadata ->> 'size')::bigint, 'application/pdf', md5('bench-user-1')::uuid
      from generate_series(1, ${n}) d
      join storage.objects o on o.bucket_id = 'documents' and o.name = md5('bench-document-' || d)::uuid::text || '/v1-document-' || d || '.pdf';
    update public.documents set current_version = 1 where id in (select document_id from public.document_versions where version_no = 1 and storage_path like '%/v1-document-%');`);
  return n;
}
