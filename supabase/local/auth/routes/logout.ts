// POST /logout?scope=global|local|others: ends sessions (their refresh tokens go with them).
import type { FastifyInstance } from 'fastify';
import { actorOf, audit } from '../audit.ts';
import type { AuthApi } from '../api.ts';
import { badRequest } from '../errors.ts';
import { requireUser } from '../request-auth.ts';
import { logoutAll, logoutOthers, logoutSession } from '../sessions.ts';
import { authTx } from '../tx.ts';

export function logoutRoutes(app: FastifyInstance, api: AuthApi): void {
  app.post('/logout', async (req, reply) => {
    const raw = (req.query as Record<string, unknown>).scope;
    const scope = raw === undefined || raw === '' ? 'global' : String(raw);
    await authTx(api.ctx.db, async (tx) => {
      const caller = await requireUser(req, tx, api.ac.secret);
      if (!['global', 'local', 'others'].includes(scope)) {
        throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
      }
      await audit(tx, actorOf(caller.user), 'logout');
      if (caller.sessionId && scope === 'local') return logoutSession(tx, caller.sessionId);
      if (caller.sessionId && scope === 'others') return logoutOthers(tx, caller.sessionId, caller.user.row.id);
      return logoutAll(tx, caller.user.row.id);
    });
    return reply.code(204).send();
  });
}
