// Signed download URLs, single and batch: the caller must be able to see the object (RLS).
import type { FastifyInstance } from 'fastify';
import type { StackContext } from '../../context.ts';
import { requireCaller } from '../caller.ts';
import { asCaller, findObject } from '../db.ts';
import { errors } from '../errors.ts';
import { mustBeValidKey } from '../keys.ts';
import { mustBeValidExpiresIn, signObjectToken } from '../signing.ts';

type Body = Record<string, unknown>;

export function signRoutes(app: FastifyInstance, ctx: StackContext) {
  app.post('/object/sign/:bucket/*', async (req) => {
    const caller = await requireCaller(ctx, req);
    const { bucket, '*': name } = req.params as { bucket: string; '*': string };
    mustBeValidKey(name);
    const expiresIn = mustBeValidExpiresIn(((req.body ?? {}) as Body).expiresIn);
    if (!(await asCaller(ctx, caller, (tx) => findObject(tx, bucket, name)))) throw errors.noSuchKey();
    const url = `${bucket}/${name}`;
    const token = await signObjectToken(ctx.config.jwtSecret, url, expiresIn, 'download');
    return { signedURL: `/object/sign/${url}?token=${token}` };
  });

  app.post('/object/sign/:bucket', async (req) => {
    const caller = await requireCaller(ctx, req);
    const { bucket } = req.params as { bucket: string };
    const body = (req.body ?? {}) as Body;
    const expiresIn = mustBeValidExpiresIn(body.expiresIn);
    const paths = body.paths;
    if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string')) throw errors.invalidRequest("body must have required property 'paths'");
    const visible = await asCaller(ctx, caller, async (tx) =>
      new Set((await tx.query<{ name: string }>('select name from storage.objects where bucket_id = $1 and name = any($2)', [bucket, paths])).rows.map((r) => r.name)),
    );
    return Promise.all(
      (paths as string[]).map(async (path) => {
        if (!visible.has(path)) return { error: 'Either the object does not exist or you do not have access to it', path, signedURL: null };
        const url = `${bucket}/${path}`;
        const token = await signObjectToken(ctx.config.jwtSecret, url, expiresIn, 'download');
        return { error: null, path, signedURL: `/object/sign/${url}?token=${token}` };
      }),
    );
  });
}
