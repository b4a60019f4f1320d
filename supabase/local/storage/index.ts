// storage API: answered 501 until its issue lands.
import type { FastifyPluginAsync } from 'fastify';
import type { StackContext } from '../context.ts';

const storagePlugin: FastifyPluginAsync<{ ctx: StackContext }> = async (app) => {
  app.all('/*', async (_req, reply) => reply.code(501).send({ message: 'not implemented yet' }));
};

export default storagePlugin;
