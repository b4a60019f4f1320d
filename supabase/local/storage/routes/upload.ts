// Upload routes, registered where request bodies stay unparsed streams: POST (create, x-upsert),
// PUT (update), and the signed upload URL pair (createSignedUploadUrl / uploadToSignedUrl).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StackContext } from '../../context.ts';
import type { FileStore } from '../file-store.ts';
import { requireCaller, serviceCaller } from '../caller.ts';
import { insertObject, testPermission } from '../db.ts';
import { mustBeValidKey } from '../keys.ts';
import { SIGNED_UPLOAD_EXPIRES_IN, signObjectToken, verifyObjectToken } from '../signing.ts';
import { storeObject } from '../store-object.ts';

type ObjectParams = { bucket: string; '*': string };

const isUpsert = (req: FastifyRequest) => req.headers['x-upsert'] === 'true';

export function uploadRoutes(app: FastifyInstance, ctx: StackContext, files: FileStore) {
  app.post('/object/:bucket/*', async (req) => {
    const { bucket, '*': name } = req.params as ObjectParams;
    const caller = await requireCaller(ctx, req);
    const obj = await storeObject(ctx, files, caller, req, { bucketId: bucket, name, mode: 'create', upsert: isUpsert(req), owner: caller.owner });
    return { Id: obj.id, Key: `${bucket}/${name}` };
  });

  app.put('/object/:bucket/*', async (req) => {
    const { bucket, '*': name } = req.params as ObjectParams;
    const caller = await requireCaller(ctx, req);
    const obj = await storeObject(ctx, files, caller, req, { bucketId: bucket, name, mode: 'update', upsert: false, owner: caller.owner });
    return { Id: obj.id, Key: `${bucket}/${name}` };
  });

  app.post('/object/upload/sign/:bucket/*', async (req) => {
    const { bucket, '*': name } = req.params as ObjectParams;
    const caller = await requireCaller(ctx, req);
    req.raw.resume(); // the body ({}) is not needed
    mustBeValidKey(name);
    const upsert = isUpsert(req);
    // The caller's rights are checked now; the upload itself later runs with the token's.
    await testPermission(ctx, caller, (tx) =>
      insertObject(tx, { bucket, name, owner: caller.owner, version: '1', metadata: null }, upsert),
    );
    const url = `${bucket}/${name}`;
    const token = await signObjectToken(ctx.config.jwtSecret, url, SIGNED_UPLOAD_EXPIRES_IN, 'upload', {
      owner: caller.owner,
      upsert,
    });
    return { url: `/object/upload/sign/${url}?token=${token}`, token };
  });

  app.put('/object/upload/sign/:bucket/*', async (req) => {
    const { bucket, '*': name } = req.params as ObjectParams;
    let token;
    try {
      token = await verifyObjectToken(ctx.config.jwtSecret, (req.query as Record<string, unknown>).token, `${bucket}/${name}`, 'upload');
    } catch (e) {
      req.raw.resume();
      throw e;
    }
    const caller = serviceCaller({ method: req.method, path: req.url.split('?')[0], headers: req.headers }, token.owner);
    await storeObject(ctx, files, caller, req, { bucketId: bucket, name, mode: 'create', upsert: Boolean(token.upsert), owner: token.owner });
    return { Key: `${bucket}/${name}` };
  });

}
