// Request counting per key over a sliding window, for GoTrue's per-IP limits and the per-email
// sign-in limit. In memory: the stack is one process.
import type { FastifyRequest } from 'fastify';
import net from 'node:net';

export class WindowLimiter {
  private hits = new Map<string, number[]>();
  constructor(readonly limit: number, readonly windowMs: number) {}

  /** Whether key has used up its limit, without counting a request. */
  exhausted(key: string, now = Date.now()): boolean {
    const since = now - this.windowMs;
    return (this.hits.get(key) ?? []).filter((t) => t > since).length >= this.limit;
  }

  /** Counts one request for key; false when the key is over its limit. */
  take(key: string, now = Date.now()): boolean {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      return false;
    }
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) this.prune(since);
    return true;
  }

  private prune(since: number) {
    for (const [k, v] of this.hits) if (!v.some((t) => t > since)) this.hits.delete(k);
  }
}

function isPrivate(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (net.isIPv4(v4)) return /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(v4);
  return ip === '::1' || /^f[cd]/i.test(ip);
}

/**
 * The client's address. Like GoTrue behind Supabase's gateway, X-Forwarded-For is believed only
 * when the direct peer is a local or private address (a proxy in front of the stack).
 */
export function clientIp(req: FastifyRequest): string {
  const peer = req.socket.remoteAddress ?? '';
  const xff = req.headers['x-forwarded-for'];
  if (typeof xff === 'string' && xff.trim() && isPrivate(peer)) {
    const first = xff.split(',')[0].trim();
    if (net.isIP(first)) return first;
  }
  return peer.startsWith('::ffff:') ? peer.slice(7) : peer;
}
