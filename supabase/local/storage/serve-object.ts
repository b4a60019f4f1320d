// Sends an object's bytes as Storage's asset renderer does: streamed from disk, single byte ranges
// (206), ETag / Last-Modified / Cache-Control from the object's metadata, ?download as an attachment.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileStore } from './file-store.ts';
import type { ObjectRow } from './db.ts';
import { errors } from './errors.ts';

interface ByteRange {
  start: number;
  end: number;
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; undefined when absent or not a single byte range. */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

export interface ServeOptions {
  /** Signed URLs: Expires instead of the object's Cache-Control. */
  expires?: string;
}

export async function serveObject(req: FastifyRequest, reply: FastifyReply, files: FileStore, obj: ObjectRow, opts: ServeOptions = {}) {
  const filePath = files.objectPath(obj.bucket_id, obj.name, obj.version ?? '');
  let size: number;
  try {
    size = (await fsp.stat(filePath)).size;
  } catch {
    throw errors.noSuchKey();
  }
  const meta = obj.metadata;
  const eTag = meta?.eTag;
  const lastModified = new Date(meta?.lastModified ?? obj.updated_at);
  reply
    .header('Accept-Ranges', 'bytes')
    .header('Content-Type', meta?.mimetype ?? 'application/octet-stream')
    .header('Last-Modified', lastModified.toUTCString())
    .header('X-Robots-Tag', 'none');
  if (eTag) reply.header('ETag', eTag);
  if (opts.expires) reply.header('Expires', opts.expires);
  else reply.header('Cache-Control', meta?.cacheControl ?? 'no-cache');
  const download = (req.query as Record<string, unknown>).download;
  if (typeof download === 'string') {
    const name = encodeURIComponent(download || obj.name.split('/').pop()!);
    reply.header('Content-Disposition', `attachment; filename=${name}; filename*=UTF-8''${name};`);
  }
  if (eTag && req.headers['if-none-match'] === eTag) return reply.code(304).send();

  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    reply.header('Content-Range', `bytes */${size}`);
    throw errors.invalidRange();
  }
  if (range) {
    reply
      .code(206)
      .header('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
      .header('Content-Length', range.end - range.start + 1);
    return reply.send(fs.createReadStream(filePath, { start: range.start, end: range.end }));
  }
  reply.code(200).header('Content-Length', size);
  return reply.send(fs.createReadStream(filePath));
}
