// Timing helpers: run a call n times, keep the latencies, summarise as percentiles.

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarise(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
}

/** Milliseconds one call takes. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * n sequential samples after a short warm-up, or fewer (at least 5) when they take more than
 * budgetMs in all; a call that fails throws (a bench is no place for errors).
 */
export async function sample(n: number, fn: () => Promise<unknown>, budgetMs = 20_000): Promise<Summary> {
  for (let i = 0; i < Math.min(2, Math.ceil(n / 10)); i++) await fn();
  const out: number[] = [];
  const until = Date.now() + budgetMs;
  for (let i = 0; i < n && (i < 5 || Date.now() < until); i++) out.push(await timed(fn));
  return summarise(out);
}

export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
