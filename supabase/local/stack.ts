// One running local stack: database opened and migrated, keys made, HTTP app built.
import type { FastifyInstance } from 'fastify';
import type { StackConfig } from './config.ts';
import type { StackContext } from './context.ts';
import { openDatabase, type OpenedDatabase } from './db/open.ts';
import { makeApiKeys } from './jwt.ts';
import { buildApp } from './app.ts';
import { startScheduler } from './scheduler.ts';

export interface Stack {
  ctx: StackContext;
  app: FastifyInstance;
  database: OpenedDatabase;
  /** Listens on config.host:config.port (0 = a free port) and returns the API URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export class PortInUseError extends Error {}

export async function createStack(config: StackConfig): Promise<Stack> {
  const database = await openDatabase(config);
  const ctx: StackContext = {
    config,
    db: database.db,
    keys: await makeApiKeys(config.jwtSecret),
    onSchemaChange: new Set(),
  };
  let app: FastifyInstance;
  try {
    app = await buildApp(ctx);
    await app.ready();
  } catch (e) {
    await database.close();
    throw e;
  }
  const stopScheduler = config.scheduler ? startScheduler(ctx) : async () => {};
  let closing: Promise<void> | undefined;
  return {
    ctx,
    app,
    database,
    async listen() {
      try {
        await app.listen({ host: config.host, port: config.port });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new PortInUseError(
            `port ${config.port} is in use: stop what runs there or set BIZDESK_PORT to another port`,
          );
        }
        throw e;
      }
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      config.port = port;
      config.apiUrl = `http://${config.host}:${port}`;
      return config.apiUrl;
    },
    close() {
      // Stop accepting requests, let in-flight ones finish, then close the database.
      closing ??= app.close().then(stopScheduler).then(() => database.close());
      return closing;
    },
  };
}
