// Download routes: authenticated (RLS decides, or any caller on a public bucket), public (no token,
// public buckets only), signed (a download token), and object info.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StackContext } from '../../context.ts';
import type { FileStore } from '../file-store.ts';
import { optionalCaller, serviceCaller, type Caller } from '../caller.ts';
import { asCaller, findBucket, findObject, type ObjectRow } from '../db.ts';
import { errors } from '../errors.ts';
import { mustBeValidKey } from '../keys.ts';
import { verifyObjectToken } from '../signing.ts';
import { serveObject } from '../serve-object.ts';

type ObjectParams = { bucket: string; '*': string };

function requestInfo(req: FastifyRequest) {
  return { method: req.method, path: req.url.split('?')[0], headers: req.headers };
}

/** Finds the object as Storage does: public buckets need no rights, private ones go through RLS. */
async function lookup(ctx: StackContext, req: FastifyRequest, mode: 'authenticated' | 'public'): Promise<ObjectRow> {
  const { bucket: bucketId, '*': name } = req.params as ObjectParams;
  mustBeValidKey(name);
  const caller = mode === 'authenticated' ? await optionalCaller(ctx, req) : undefined;
  const bucket = await findBucket(ctx.db, bucketId);
  if (!bucket || (!bucket.public && (mode === 'public' || !caller))) throw errors.noSuchBucket();
  const reader: Caller = bucket.public ? serviceCaller(requestInfo(req)) : caller!;
  const obj = await asCaller(ctx, reader, (tx) => findObject(tx, bucketId, name));
  if (!obj) throw errors.noSuchKey();
  return obj;
}

function info(obj: ObjectRow) {
  const m = obj.metadata;
  return {
    id: obj.id,
    name: obj.name,
    version: obj.version,
    bucket_id: obj.bucket_id,
    size: m?.size ?? null,
    content_type: m?.mimetype ?? null,
    cache_control: m?.cacheControl ?? null,
    etag: m?.eTag ?? null,
    metadata: obj.user_metadata,
    last_modified: obj.updated_at,
    created_at: obj.created_at,
  };
}

export function downloadRoutes(app: FastifyInstance, ctx: StackContext, files: FileStore) {
  const authenticated = async (req: FastifyRequest, reply: FastifyReply) =>
    serveObject(req, reply, files, await lookup(ctx, req, 'authenticated'));
  app.get('/object/:bucket/*', authenticated);
  app.get('/object/authenticated/:bucket/*', authenticated);
  app.get('/object/public/:bucket/*', async (req, reply) => serveObject(req, reply, files, await lookup(ctx, req, 'public')));

  app.get('/object/sign/:bucket/*', async (req, reply) => {
    const { bucket, '*': name } = req.params as ObjectParams;
    const token = await verifyObjectToken(ctx.config.jwtSecret, (req.query as Record<string, unknown>).token, `${bucket}/${name}`, 'download');
    const obj = await findObject(ctx.db, bucket, name);
    if (!obj) throw errors.noSuchKey();
    return serveObject(req, reply, files, obj, { expires: new Date(token.exp * 1000).toUTCString() });
  });

  app.get('/object/info/:bucket/*', async (req) => info(await lookup(ctx, req, 'authenticated')));
  app.get('/object/info/authenticated/:bucket/*', async (req) => info(await lookup(ctx, req, 'authenticated')));
  app.get('/object/info/public/:bucket/*', async (req) => info(await lookup(ctx, req, 'public')));
}
