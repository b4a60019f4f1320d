// /bucket routes: list, get, create, update, empty, delete, each run as the caller (RLS on
// storage.buckets decides), with Storage's validation and answers.
import type { FastifyInstance } from 'fastify';
import type { StackContext } from '../../context.ts';
import type { FileStore } from '../file-store.ts';
import { requireCaller, serviceCaller } from '../caller.ts';
import { asCaller, asCallerAfter, findBucket, uuidOrNull } from '../db.ts';
import { errors } from '../errors.ts';
import { mustBeValidBucketName, parseFileSizeToBytes } from '../keys.ts';
import { globalFileSizeLimit } from '../store-object.ts';

type Body = Record<string, unknown>;

const SORT_COLUMNS = new Set(['id', 'name', 'created_at', 'updated_at']);
const MIME_PATTERN = /^([a-zA-Z0-9\-+.]+)\/([a-zA-Z0-9\-+.*]+)(;\s*charset=[a-zA-Z0-9-]+)?$|\*$/;

function fileSizeLimit(ctx: StackContext, value: unknown): number | null {
  if (value === null) return null;
  const bytes = typeof value === 'string' ? parseFileSizeToBytes(value) : Number(value);
  if (!Number.isFinite(bytes) || bytes < 0) throw errors.invalidFileSizeLimit();
  if (bytes > globalFileSizeLimit(ctx)) throw errors.entityTooLarge();
  return bytes;
}

function mimeTypes(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) throw errors.invalidParameter('Invalid Parameter allowed_mime_types');
  const list = value.filter((m) => m).map(String);
  for (const m of list) if (m.length > 1000 || !MIME_PATTERN.test(m)) throw errors.invalidMimeType(m);
  return list;
}

const has = (body: Body, key: string) => Object.prototype.hasOwnProperty.call(body, key) && body[key] !== undefined;

export function bucketRoutes(app: FastifyInstance, ctx: StackContext, files: FileStore) {
  app.get('/bucket', async (req) => {
    const caller = await requireCaller(ctx, req);
    const q = req.query as Record<string, string | undefined>;
    const column = q.sortColumn && SORT_COLUMNS.has(q.sortColumn) ? q.sortColumn : 'name';
    const order = q.sortOrder?.toLowerCase() === 'desc' ? 'desc' : 'asc';
    const limit = q.limit !== undefined ? Number(q.limit) : null;
    const offset = q.offset !== undefined ? Number(q.offset) : 0;
    return asCaller(ctx, caller, async (tx) => {
      const { rows } = await tx.query(
        `select id, name, public, owner, created_at, updated_at, file_size_limit, allowed_mime_types, type
           from storage.buckets where ($1::text is null or name ilike '%' || $1 || '%')
          order by ${column} ${order} limit $2 offset $3`,
        [q.search || null, Number.isInteger(limit) ? limit : null, Number.isInteger(offset) ? offset : 0],
      );
      return rows.map((r) => ({ ...r, file_size_limit: r.file_size_limit === null ? null : Number(r.file_size_limit) }));
    });
  });

  app.get('/bucket/:id', async (req) => {
    const caller = await requireCaller(ctx, req);
    const { id } = req.params as { id: string };
    const bucket = await asCaller(ctx, caller, (tx) => findBucket(tx, id));
    if (!bucket) throw errors.noSuchBucket();
    const { owner_id: _ownerId, type: _type, ...shown } = bucket;
    return shown;
  });

  app.post('/bucket', async (req) => {
    const caller = await requireCaller(ctx, req);
    const body = (req.body ?? {}) as Body;
    const name = typeof body.name === 'string' ? body.name : undefined;
    mustBeValidBucketName(name);
    const id = typeof body.id === 'string' && body.id ? body.id : name;
    mustBeValidBucketName(id);
    const limit = has(body, 'file_size_limit') ? fileSizeLimit(ctx, body.file_size_limit) : null;
    const mimes = mimeTypes(body.allowed_mime_types);
    await asCaller(ctx, caller, (tx) =>
      tx.query(
        `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [id, name, uuidOrNull(caller.owner), caller.owner ?? null, body.public === true, limit, mimes],
      ),
    );
    return { name };
  });

  app.put('/bucket/:id', async (req) => {
    const caller = await requireCaller(ctx, req);
    const { id } = req.params as { id: string };
    mustBeValidBucketName(id);
    const body = (req.body ?? {}) as Body;
    if (!['public', 'file_size_limit', 'allowed_mime_types'].some((k) => has(body, k))) throw errors.noContent();
    const setLimit = has(body, 'file_size_limit');
    const setMimes = has(body, 'allowed_mime_types');
    const limit = setLimit ? fileSizeLimit(ctx, body.file_size_limit) : null;
    const mimes = setMimes ? mimeTypes(body.allowed_mime_types) : null;
    const updated = await asCaller(ctx, caller, async (tx) =>
      (await tx.query(
        `update storage.buckets set
            public = coalesce($2, public),
            file_size_limit = case when $3 then $4 else file_size_limit end,
            allowed_mime_types = case when $5 then $6 else allowed_mime_types end,
            updated_at = now()
          where id = $1 returning id`,
        [id, typeof body.public === 'boolean' ? body.public : null, setLimit, limit, setMimes, mimes],
      )).rowCount,
    );
    if (!updated) throw errors.noSuchBucket();
    return { message: 'Successfully updated' };
  });

  app.post('/bucket/:id/empty', async (req) => {
    const caller = await requireCaller(ctx, req);
    const { id } = req.params as { id: string };
    const bucket = await asCaller(ctx, caller, (tx) => findBucket(tx, id));
    if (!bucket) throw errors.noSuchBucket();
    // Storage empties a bucket the caller may see with its own rights (a queued admin job).
    const removed = await asCaller(ctx, serviceCaller(caller.req), async (tx) =>
      (await tx.query<{ name: string; version: string | null }>(
        'delete from storage.objects where bucket_id = $1 returning name, version',
        [id],
      )).rows,
    );
    for (const o of removed) await files.remove(files.objectPath(id, o.name, o.version ?? '')).catch(() => {});
    return { message: 'Successfully emptied' };
  });

  app.delete('/bucket/:id', async (req) => {
    const caller = await requireCaller(ctx, req);
    const { id } = req.params as { id: string };
    const deleted = await asCallerAfter(
      ctx,
      caller,
      async (tx) => {
        const { rows } = await tx.query<{ n: number }>(
          `select (select count(*)::int from storage.buckets where id = $1) as b,
                  (select count(*)::int from (select 1 from storage.objects where bucket_id = $1 limit 1) o) as n`,
          [id],
        );
        return rows[0] as unknown as { b: number; n: number };
      },
      async (tx, found) => {
        if (!found.b) throw errors.noSuchBucket();
        if (found.n > 0) throw errors.bucketNotEmpty();
        return (await tx.query('delete from storage.buckets where id = $1', [id])).rowCount;
      },
    );
    if (!deleted) throw errors.noSuchBucket();
    await files.removeBucketDir(id).catch(() => {});
    return { message: 'Successfully deleted' };
  });
}
