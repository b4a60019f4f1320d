// Upload and update of one object, as Storage does it: check RLS first (a rolled-back test write),
// stream the bytes to a temp file under the size limit, then in one transaction as the caller write
// the row and rename the file into place; the replaced version's file goes after the commit.
// A refused or failed upload leaves no file and no row; one cut short by a crash is settled at the
// next start (FileStore.note, settle-pending.ts).
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { StackContext } from '../context.ts';
import type { Caller } from './caller.ts';
import type { FileStore, VersionRef } from './file-store.ts';
import { errors } from './errors.ts';
import { mustBeValidKey, parseConfigSize } from './keys.ts';
import { asCallerAfter, findBucket, findObject, insertObject, testPermission, updateObject, type ObjectRow } from './db.ts';
import { mustBeAllowedMimeType, uploadSource } from './upload-source.ts';

export interface StoreRequest {
  bucketId: string;
  name: string;
  /** create: INSERT (or upsert); update: the object must exist (PUT). */
  mode: 'create' | 'update';
  upsert: boolean;
  owner?: string;
}

const DEFAULT_GLOBAL_LIMIT = 50 * 1024 * 1024;

/** The stack-wide upload limit ([storage] file_size_limit), like Storage's global limit. */
export function globalFileSizeLimit(ctx: StackContext): number {
  return parseConfigSize(ctx.config.toml.storage?.file_size_limit) ?? DEFAULT_GLOBAL_LIMIT;
}

/** Waits until a request body has been read to its end, so the client gets to read our answer. */
function drain(body: Readable): Promise<void> {
  if (body.readableEnded || body.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    body.once('end', resolve);
    body.once('close', resolve);
    body.once('error', () => resolve());
    body.resume();
  });
}

export async function storeObject(
  ctx: StackContext,
  files: FileStore,
  caller: Caller,
  req: FastifyRequest,
  r: StoreRequest,
): Promise<ObjectRow> {
  let body: Readable = req.raw;
  let drainBody = true;
  try {
    mustBeValidKey(r.name);
    const bucket = await findBucket(ctx.db, r.bucketId);
    if (!bucket) throw errors.noSuchBucket();
    const maxBytes = Math.min(globalFileSizeLimit(ctx), bucket.file_size_limit ?? Infinity);
    // A raw body announced over the limit is refused at once (a form's length includes its
    // envelope, so only the file part is measured); draining it first would let a client hold the
    // request open for as long as it likes to send (Node drops the rest).
    const isForm = String(req.headers['content-type'] ?? '').startsWith('multipart/form-data');
    if (!isForm && Number(req.headers['content-length']) > maxBytes) {
      drainBody = false;
      throw errors.entityTooLarge();
    }
    const source = await uploadSource(req, maxBytes);
    body = source.body;
    mustBeAllowedMimeType(source.mimeType, bucket.allowed_mime_types);
    const declared = { mimetype: source.mimeType };
    const row = { bucket: r.bucketId, name: r.name, owner: r.owner, version: '1', metadata: declared, userMetadata: source.userMetadata };
    // RLS decides before any byte is stored.
    await testPermission(ctx, caller, async (tx) => {
      if (r.mode === 'create') return insertObject(tx, row, r.upsert);
      if (!(await updateObject(tx, row))) throw errors.noSuchKey();
    });

    const written = await files.writeTemp(source.body, maxBytes);
    const version = crypto.randomUUID();
    const finalPath = files.objectPath(r.bucketId, r.name, version);
    const metadata = {
      eTag: `"${written.md5}"`,
      size: written.size,
      mimetype: source.mimeType,
      cacheControl: source.cacheControl,
      lastModified: new Date().toISOString(),
      contentLength: written.size,
      httpStatusCode: 200,
    };
    let renamed = false;
    let notePath: string | undefined;
    try {
      const { saved, replaced } = await asCallerAfter(
        ctx,
        caller,
        async (tx) => (await findObject(tx, r.bucketId, r.name, true))?.version ?? undefined,
        async (tx, previousVersion) => {
          const next = { ...row, version, metadata };
          const saved = r.mode === 'create' ? await insertObject(tx, next, r.upsert) : await updateObject(tx, next);
          if (!saved) throw errors.noSuchKey();
          const refs: VersionRef[] = [{ bucket: r.bucketId, name: r.name, version }];
          if (previousVersion && previousVersion !== version) refs.push({ bucket: r.bucketId, name: r.name, version: previousVersion });
          notePath = await files.note(refs);
          await files.commit(written.tmpPath, finalPath);
          renamed = true;
          return { saved, replaced: previousVersion };
        },
      );
      if (replaced && replaced !== version) await files.remove(files.objectPath(r.bucketId, r.name, replaced)).catch(() => {});
      if (notePath) await files.settle(notePath);
      return saved;
    } catch (e) {
      await files.discard(written.tmpPath);
      if (renamed) await files.remove(finalPath);
      if (notePath) await files.settle(notePath);
      throw e;
    }
  } catch (e) {
    if (drainBody) await drain(body);
    throw e;
  }
}
