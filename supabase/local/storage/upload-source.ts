// What an upload request carries, as Storage reads it: a multipart form (file part, `cacheControl`
// and `metadata` fields) or a raw body (content-type, cache-control and base64 x-metadata headers).
// The bytes stay a stream; nothing here buffers the file.
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { errors } from './errors.ts';

export interface UploadSource {
  body: Readable;
  mimeType: string;
  cacheControl: string;
  userMetadata?: Record<string, unknown>;
}

function parseUserMetadata(json: string): Record<string, unknown> {
  try {
    const value = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through
  }
  throw errors.invalidParameter('Invalid Parameter metadata');
}

export async function uploadSource(req: FastifyRequest, maxBytes: number): Promise<UploadSource> {
  const contentType = req.headers['content-type'];
  if (typeof contentType === 'string' && contentType.startsWith('multipart/form-data')) {
    // One byte over the limit reaches the meter in FileStore, which refuses it.
    const part = await req.file({ limits: { fileSize: maxBytes + 1, files: 1 } });
    if (!part) throw errors.noContent();
    const field = (name: string): string | undefined => {
      const f = part.fields[name];
      const one = Array.isArray(f) ? f[0] : f;
      return one && one.type === 'field' ? String(one.value) : undefined;
    };
    const cacheTime = field('cacheControl');
    const metadata = field('metadata');
    return {
      body: part.file,
      mimeType: part.mimetype || 'text/plain',
      cacheControl: cacheTime ? `max-age=${cacheTime}` : 'no-cache',
      userMetadata: metadata ? parseUserMetadata(metadata) : undefined,
    };
  }
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  const xMetadata = header('x-metadata');
  return {
    body: req.raw,
    mimeType: contentType || 'text/plain',
    cacheControl: header('cache-control') ?? 'no-cache',
    userMetadata: xMetadata ? parseUserMetadata(Buffer.from(xMetadata, 'base64').toString('utf8')) : undefined,
  };
}

/** Storage's check of a file's type against a bucket's allowed_mime_types (type/* wildcards). */
export function mustBeAllowedMimeType(mimeType: string, allowed: string[] | null): void {
  if (!allowed || allowed.length === 0) return;
  const [type, subtype] = mimeType.split(';')[0].trim().toLowerCase().split('/');
  if (!type || !subtype) throw errors.invalidMimeType(mimeType);
  for (const entry of allowed) {
    const [aType, aSub] = entry.split(';')[0].trim().toLowerCase().split('/');
    if (aType === type && (aSub === '*' || aSub === subtype)) return;
  }
  throw errors.invalidMimeType(mimeType);
}
