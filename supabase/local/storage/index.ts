// Storage API (/storage/v1) as @supabase/storage-js uses it. Bucket and object routes, Storage's
// error shape, uploads streamed straight to disk.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import type { StackContext } from '../context.ts';
import { StorageApiError, toStorageError } from './errors.ts';
import { FileStore } from './file-store.ts';
import { settlePendingWrites } from './settle-pending.ts';
import { syncConfigBuckets } from './config-buckets.ts';
import { bucketRoutes } from './routes/buckets.ts';
import { uploadRoutes } from './routes/upload.ts';
import { downloadRoutes } from './routes/download.ts';
import { manageRoutes } from './routes/manage.ts';
import { listV2Routes } from './routes/list-v2.ts';
import { signRoutes } from './routes/sign.ts';

function storageErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error, req, reply) => {
    if (!(error instanceof StorageApiError) && typeof (error as { statusCode?: number }).statusCode === 'number') {
      // Fastify's own errors (bad JSON, …) keep their status, in Storage's body shape.
      const status = (error as { statusCode: number }).statusCode;
      return reply.code(status).send({ statusCode: String(status), code: 'InvalidRequest', error: (error as Error).name, message: (error as Error).message });
    }
    const e = toStorageError(error);
    if (e.status === 500) req.log.error(error);
    // A download may have set the object's headers before failing: the error is JSON.
    for (const h of ['etag', 'last-modified', 'cache-control', 'content-length', 'accept-ranges', 'content-disposition']) reply.removeHeader(h);
    return reply.code(e.httpStatus).type('application/json; charset=utf-8').send(e.body());
  });
}

const storagePlugin: FastifyPluginAsync<{ ctx: StackContext }> = async (app, { ctx }) => {
  const files = new FileStore(ctx.config.storageDir);
  const removed = await settlePendingWrites(ctx.db, files).catch((error: unknown) => {
    app.log.error({ err: error }, 'storage: writes left by an earlier crash not settled');
    return 0;
  });
  if (removed) app.log.warn(`storage: removed ${removed} file(s) that an earlier crash left without their object row`);
  await syncConfigBuckets(ctx);
  storageErrorHandler(app);

  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ statusCode: '404', error: 'Not Found', message: `Route ${req.method}:${req.url} not found`, code: 'InvalidRequest' }),
  );

  bucketRoutes(app, ctx, files);
  downloadRoutes(app, ctx, files);
  manageRoutes(app, ctx, files);
  listV2Routes(app, ctx);
  signRoutes(app, ctx);

  // Upload bodies stay streams: no parser reads them, multipart is read part by part.
  await app.register(async (uploads) => {
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_req, _payload, done) => done(null));
    await uploads.register(multipart);
    storageErrorHandler(uploads);
    uploadRoutes(uploads, ctx, files);
  });
};

export default storagePlugin;
