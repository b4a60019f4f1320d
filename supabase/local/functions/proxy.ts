// Forwards one request to a function's Deno server and streams the answer back, both ways without
// buffering. Reports whether the process failed under the request or ran past the time limit.
import http from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type ProxyOutcome = 'answered' | 'crashed' | 'timeout';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function forwardable(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

export function proxyRequest(
  req: FastifyRequest,
  reply: FastifyReply,
  target: { port: number; path: string; agent: http.Agent },
  timeoutMs: number,
): Promise<ProxyOutcome> {
  return new Promise((resolve) => {
    let answered = false;
    let done = false;
    const finish = (outcome: ProxyOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const upstream = http.request({
      host: '127.0.0.1',
      port: target.port,
      method: req.method,
      path: target.path,
      headers: forwardable(req.headers),
      agent: target.agent,
    });
    const timer = setTimeout(() => {
      upstream.destroy();
      if (answered) reply.raw.destroy(); // too late for a status: cut the stream, as the runtime does
      finish('timeout');
    }, timeoutMs);
    upstream.on('response', (res) => {
      answered = true;
      res.on('end', () => finish('answered'));
      res.on('error', () => finish('answered'));
      reply.code(res.statusCode ?? 502).headers(forwardable(res.headers));
      void reply.send(res);
      // The handler returns once the headers are here; the body keeps streaming under the timer.
      resolve('answered');
    });
    upstream.on('error', () => {
      if (!answered) finish('crashed');
    });
    req.raw.on('aborted', () => upstream.destroy());
    req.raw.pipe(upstream);
  });
}
