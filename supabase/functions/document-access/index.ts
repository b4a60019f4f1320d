// document-access: the only way to a secret document's file. POST { document_id, version_no? }
// with the caller's JWT. The database (document_access_open, service role only) decides whether
// the caller is the owner, the department manager or holds an approved unexpired grant, and logs
// the access with IP and user agent; then a signed URL valid 60 s is made with the service role.
// The downloaded file name carries the caller's name; a PDF is a copy stamped on every page with
// who took it and when (./stamp.ts).
// POST ?action=upload stores a new version's file for a writer (see ./upload.ts).
// Errors: { error: { code, message } } with an HTTP status.
import { json, preflight } from '../_shared/cors.ts';
import { adminClient, bearerToken } from '../_shared/clients.ts';
import { uploadVersionFile } from './upload.ts';
import { readerFile } from './reader-copy.ts';

const SIGNED_URL_SECONDS = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}

function parseBody(body: unknown): { document_id: string; version_no: number | null } | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object';
  const b = body as Record<string, unknown>;
  if (typeof b.document_id !== 'string' || !UUID.test(b.document_id)) return 'document_id must be an id';
  const v = b.version_no;
  if (v !== undefined && v !== null && !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100000)) {
    return 'version_no must be a positive whole number';
  }
  return { document_id: b.document_id, version_no: (v as number | undefined) ?? null };
}

/** The client's address: the first x-forwarded-for hop (set by the gateway), else the peer. */
function clientIp(req: Request, peer: Deno.ServeHandlerInfo): string | null {
  const forwarded = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const remote = peer.remoteAddr as { hostname?: string };
  return forwarded || req.headers.get('x-real-ip') || remote.hostname || null;
}

/** "张三-报价单.pdf": the reader's name in front of the file's own name. */
function markedName(userName: string, fileName: string): string {
  return `${userName.replace(/[\\/:*?"<>|\s]+/g, '_')}-${fileName}`;
}

const REFUSALS: Record<string, [number, string]> = {
  DC001: [404, 'not_found'],
  DC003: [403, 'forbidden'],
};

Deno.serve(async (req, peer) => {
  if (req.method === 'OPTIONS') return preflight();
  if (req.method !== 'POST') return fail(405, 'method_not_allowed', 'use POST');
  const token = bearerToken(req);
  if (!token) return fail(401, 'unauthorized', 'sign in first');
  const admin = adminClient();
  // The auth server checks signature, expiry and that the session still exists.
  const { data: auth, error: authError } = await admin.auth.getUser(token);
  if (authError || !auth.user) return fail(401, 'unauthorized', 'the session is not valid');
  const requestUrl = new URL(req.url);
  if (requestUrl.searchParams.get('action') === 'upload') return uploadVersionFile(req, requestUrl);

  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return fail(400, 'invalid_json', 'the request body is not JSON');
  }
  const input = parseBody(body);
  if (typeof input === 'string') return fail(400, 'validation_failed', input);

  const { data, error } = await admin.rpc('document_access_open', {
    document_id: input.document_id,
    for_user: auth.user.id,
    version_no: input.version_no,
    ip: clientIp(req, peer),
    user_agent: req.headers.get('user-agent'),
  }).single<{ object_path: string; file_name: string; mime_type: string | null; version: number; user_name: string }>();
  if (error) {
    const [status, code] = REFUSALS[error.code ?? ''] ?? [500, 'internal'];
    return fail(status, code, status === 500 ? 'the access could not be checked' : error.message);
  }

  const fileName = markedName(data.user_name, data.file_name);
  const file = await readerFile(admin, auth.user.id, data.object_path, data.mime_type,
    { email: auth.user.email ?? auth.user.id, name: data.user_name, at: new Date() });
  const signed = await admin.storage.from(file.bucket).createSignedUrl(file.path, SIGNED_URL_SECONDS);
  if (signed.error || !signed.data) return fail(404, 'file_missing', 'the file of this version is not stored');
  // storage-js's `download` option encodes the name twice (encodeURIComponent, then encodeURI on
  // the whole URL), which garbles non-ASCII names: add the parameter once, encoded once.
  const signedUrl = new URL(signed.data.signedUrl);
  signedUrl.searchParams.set('download', fileName);
  return json({
    signed_url: signedUrl.toString(),
    expires_in: SIGNED_URL_SECONDS,
    file_name: fileName,
    version_no: data.version,
    mime_type: data.mime_type,
    stamped: file.stamped,
  });
});
