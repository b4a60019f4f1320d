// How big the benchmark department is: BENCH_SCALE=full (the sizes), smoke (1 %, for CI),
// or a factor such as 0.1. People and groups stay at full size: they shape RLS, not volume.

export interface Scale {
  name: string;
  factor: number;
  users: number;
  groups: number;
  customers: number;
  contactsPerCustomer: number;
  followUps: number;
  quotations: number;
  contracts: number;
  instalmentsPerContract: number;
  audit: number;
  documents: number;
  files: number;
  /** Load test: simulated users and seconds. */
  loadUsers: number;
  loadSeconds: number;
  /** Samples per measured page and role. */
  samples: number;
}

export function benchScale(raw = process.env.BENCH_SCALE ?? 'smoke'): Scale {
  const factor = raw === 'full' ? 1 : raw === 'smoke' ? 0.01 : Number(raw);
  if (!(factor > 0 && factor <= 1)) throw new Error(`BENCH_SCALE must be smoke, full or a factor in (0, 1]: got "${raw}"`);
  const n = (full: number) => Math.max(1, Math.round(full * factor));
  const smoke = factor <= 0.01;
  return {
    name: raw === 'full' || raw === 'smoke' ? raw : `x${factor}`,
    factor,
    users: 200,
    groups: 20,
    customers: n(100_000),
    contactsPerCustomer: 3,
    followUps: n(1_000_000),
    quotations: n(50_000),
    contracts: n(50_000),
    instalmentsPerContract: 4,
    audit: n(1_000_000),
    documents: n(100_000),
    files: Math.max(10, n(1_000)),
    loadUsers: 50,
    loadSeconds: smoke ? 10 : 60,
    samples: smoke ? 5 : 100,
  };
}
