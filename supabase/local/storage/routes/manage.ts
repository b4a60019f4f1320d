// Object management: list (storage.search), batch and single remove, move, copy. Rows change as the
// caller (RLS decides); files follow the committed rows (new version files linked before the
// commit, old ones removed after it).
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { StackContext } from '../../context.ts';
import type { FileStore } from '../file-store.ts';
import { requireCaller } from '../caller.ts';
import { asCaller, findObject, insertObject, uuidOrNull, type ObjectRow } from '../db.ts';
import { errors } from '../errors.ts';
import { mustBeValidKey } from '../keys.ts';

type Body = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function manageRoutes(app: FastifyInstance, ctx: StackContext, files: FileStore) {
  app.post('/object/list/:bucket', async (req) => {
    const caller = await requireCaller(ctx, req);
    const { bucket } = req.params as { bucket: string };
    const body = (req.body ?? {}) as Body;
    let prefix = str(body.prefix) ?? '';
    if (prefix && !prefix.endsWith('/')) prefix += '/';
    const search = str(body.search) ?? '';
    const sortBy = (body.sortBy ?? {}) as Body;
    const limit = Number(body.limit ?? 100) || 100;
    const offset = Number(body.offset ?? 0) || 0;
    // Storage's request schema: limit >= 1, offset >= 0 (Postgres would fail on a negative one).
    if (limit < 1) throw errors.invalidRequest('body/limit must be >= 1');
    if (offset < 0) throw errors.invalidRequest('body/offset must be >= 0');
    return asCaller(ctx, caller, async (tx) =>
      (await tx.query(`select * from storage.search($1, $2, $3, $4, $5, $6, $7, $8)`, [
        prefix,
        bucket,
        limit,
        (prefix + search).split('/').length,
        offset,
        search,
        str(sortBy.column) ?? 'name',
        str(sortBy.order) ?? 'asc',
      ])).rows,
    );
  });

  app.delete('/object/:bucket', async (req) => {
    const caller = await requireCaller(ctx, req);
    const { bucket } = req.params as { bucket: string };
    const prefixes = ((req.body ?? {}) as Body).prefixes;
    if (!Array.isArray(prefixes) || prefixes.some((p) => typeof p !== 'string')) {
      throw errors.invalidRequest('body must have required property \'prefixes\'');
    }
    if (prefixes.length > 1000) throw errors.invalidRequest('Bulk object requests are limited to 1000 objects per request.');
    const removed = await asCaller(ctx, caller, async (tx) =>
      (await tx.query<ObjectRow>('delete from storage.objects where bucket_id = $1 and name = any($2) returning *', [bucket, prefixes])).rows,
    );
    for (const o of removed) await files.remove(files.objectPath(bucket, o.name, o.version ?? '')).catch(() => {});
    return removed;
  });

  app.delete('/object/:bucket/*', async (req) => {
    const caller = await requireCaller(ctx, req);
    const { bucket, '*': name } = req.params as { bucket: string; '*': string };
    mustBeValidKey(name);
    const removed = await asCaller(ctx, caller, async (tx) => {
      if (!(await findObject(tx, bucket, name))) throw errors.noSuchKey();
      return (await tx.query<ObjectRow>('delete from storage.objects where bucket_id = $1 and name = $2 returning *', [bucket, name])).rows[0];
    });
    if (!removed) throw errors.accessDenied();
    await files.remove(files.objectPath(bucket, name, removed.version ?? '')).catch(() => {});
    return { message: 'Successfully deleted' };
  });

  app.post('/object/move', async (req) => {
    const caller = await requireCaller(ctx, req);
    const body = (req.body ?? {}) as Body;
    const bucketId = str(body.bucketId);
    const sourceKey = str(body.sourceKey);
    const destinationKey = str(body.destinationKey);
    const destinationBucket = str(body.destinationBucket) || bucketId;
    if (!bucketId || !sourceKey || !destinationKey || !destinationBucket) throw errors.invalidRequest('bucketId, sourceKey and destinationKey are required');
    mustBeValidKey(sourceKey);
    mustBeValidKey(destinationKey);
    const version = crypto.randomUUID();
    const newPath = files.objectPath(destinationBucket, destinationKey, version);
    let oldPath: string | undefined;
    let linked = false;
    try {
      const moved = await asCaller(ctx, caller, async (tx) => {
        const source = await findObject(tx, bucketId, sourceKey);
        if (!source) throw errors.noSuchKey();
        const { rows } = await tx.query<ObjectRow>(
          `update storage.objects set bucket_id = $3, name = $4, version = $5, owner = $6, owner_id = $7, updated_at = now()
            where bucket_id = $1 and name = $2 returning *`,
          [bucketId, sourceKey, destinationBucket, destinationKey, version, uuidOrNull(caller.owner), caller.owner ?? null],
        );
        if (!rows[0]) throw errors.accessDenied();
        oldPath = files.objectPath(bucketId, sourceKey, source.version ?? '');
        await files.linkVersion(oldPath, newPath);
        linked = true;
        return rows[0];
      });
      if (oldPath) await files.remove(oldPath).catch(() => {});
      return { message: 'Successfully moved', Id: moved.id, Key: moved.name };
    } catch (e) {
      if (linked) await files.remove(newPath).catch(() => {});
      throw e;
    }
  });

  app.post('/object/copy', async (req) => {
    const caller = await requireCaller(ctx, req);
    const body = (req.body ?? {}) as Body;
    const bucketId = str(body.bucketId);
    const sourceKey = str(body.sourceKey);
    const destinationKey = str(body.destinationKey);
    const destinationBucket = str(body.destinationBucket) || bucketId;
    if (!bucketId || !sourceKey || !destinationKey || !destinationBucket) throw errors.invalidRequest('bucketId, sourceKey and destinationKey are required');
    mustBeValidKey(sourceKey);
    mustBeValidKey(destinationKey);
    const upsert = req.headers['x-upsert'] === 'true';
    const version = crypto.randomUUID();
    const newPath = files.objectPath(destinationBucket, destinationKey, version);
    let linked = false;
    try {
      const { copy, replaced } = await asCaller(ctx, caller, async (tx) => {
        const source = await findObject(tx, bucketId, sourceKey);
        if (!source) throw errors.noSuchKey();
        const previous = upsert ? await findObject(tx, destinationBucket, destinationKey) : undefined;
        const copy = await insertObject(
          tx,
          {
            bucket: destinationBucket,
            name: destinationKey,
            owner: caller.owner,
            version,
            metadata: source.metadata,
            userMetadata: source.user_metadata,
          },
          upsert,
        );
        await files.linkVersion(files.objectPath(bucketId, sourceKey, source.version ?? ''), newPath);
        linked = true;
        return { copy, replaced: previous?.version };
      });
      if (replaced) await files.remove(files.objectPath(destinationBucket, destinationKey, replaced)).catch(() => {});
      return { Id: copy.id, Key: `${destinationBucket}/${destinationKey}`, ...copy };
    } catch (e) {
      if (linked) await files.remove(newPath).catch(() => {});
      throw e;
    }
  });
}
