// `npm run bench`: seeds a large department on a fresh stack (PGlite, or PostgreSQL with
// DATABASE_URL), measures pages per role, the gateway overhead, load, storage, start-up and the
// front end, prints a table and appends it to bench/results/<date>.md.
// BENCH_SCALE=smoke|full|<factor>; BENCH_PARTS=all (default for full) or core (default for smoke:
// no start-up timing and no front-end build). Fails only on errors and lost writes, not on timings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startTestStack, createTempPostgresDb, onPostgres, type TestStack } from '../helpers/stack.ts';
import { demoPeople, type DemoPerson } from '../helpers/demo.ts';
import { PROJECT_ROOT } from '../../supabase/local/config.ts';
import { benchScale } from './scale.ts';
import { benchUserEmail, BENCH_LEADER, BENCH_SALES, generateDepartment } from './generate.ts';
import { sample, ms, type Summary } from './measure.ts';
import { LIST_PAGES, customerPage, inboxPage, receivablesPage, type PageContext } from './pages.ts';
import { explainPage, type Explained } from './explain.ts';
import { runLoad, type LoadResult } from './load.ts';
import { uploadDocumentFiles } from './files.ts';
import { navigationTimings, type NavigationResult } from './navigation.ts';
import { bundleSizes, startTimes, storageThroughput, type BundleResult, type StartResult, type StorageResult } from './system.ts';
import { makeClient } from '../helpers/stack.ts';
import { decodeJwt } from 'jose';

const scale = benchScale();
const parts = process.env.BENCH_PARTS ?? (scale.name === 'full' ? 'all' : 'core');
const log = (line: string) => console.log(line);
const TARGET_P95 = 150;
const MIB = 1024 * 1024;

async function signIn(t: TestStack, email: string): Promise<PageContext> {
  const client = makeClient(t.url, t.anonKey);
  const { data, error } = await client.auth.signInWithPassword({ email, password: 'Bizdesk#2026' });
  if (error) throw new Error(`sign-in of ${email}: ${error.message}`);
  const userId = data.user!.id;
  // A customer this person can open: their own if they have one, else the first they see.
  const own = await client.from('customers').select('id').eq('owner_id', userId).limit(1);
  const any = own.data?.length ? own : await client.from('customers').select('id').limit(1);
  return { client, userId, customerId: any.data![0].id };
}

function gatewayOverhead(): Promise<Record<string, number>> {
  const rows = scale.name === 'full' ? 100_000 : 10_000;
  return new Promise((resolve, reject) => {
    const child = spawn(`${PROJECT_ROOT}/node_modules/.bin/tsx`, ['tests/bench/rest-overhead.ts'], {
      cwd: PROJECT_ROOT, env: { ...process.env, BENCH_ROWS: String(rows), BENCH_ITERATIONS: scale.name === 'full' ? '300' : '50' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => {
      const json = /\{[\s\S]*\}/.exec(out);
      if (code !== 0 || !json) return reject(new Error(`rest-overhead failed: ${out}`));
      resolve(JSON.parse(json[0]));
    });
  });
}

interface Results {
  generation: { table: string; rows: number; seconds: number }[];
  generationSeconds: number;
  pages: { page: string; role: string; s: Summary }[];
  explained: Explained[];
  overhead?: Record<string, number>;
  load?: LoadResult;
  storage?: StorageResult;
  start?: StartResult;
  bundle?: BundleResult;
  navigation?: NavigationResult;
}

async function main() {
  const backend = onPostgres() ? 'postgres' : 'pglite';
  const startedAt = new Date();
  log(`bench: ${backend}, scale ${scale.name}, parts ${parts}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const res: Results = { generation: [], generationSeconds: 0, pages: [], explained: [] };
  const t = await startTestStack({ logLevel: 'silent' });
  try {
    log('generating…');
    const g0 = Date.now();
    res.generation = await generateDepartment(t.stack.ctx.db, scale, log);
    const f0 = Date.now();
    await uploadDocumentFiles(t, scale.files);
    res.generation.push({ table: 'documents files (storage API)', rows: scale.files, seconds: (Date.now() - f0) / 1000 });
    res.generationSeconds = (Date.now() - g0) / 1000;

    const people = demoPeople(t);
    const personas: [string, () => Promise<PageContext>][] = [
      ['salesperson', () => signIn(t, benchUserEmail(BENCH_SALES))],
      ['group leader', () => signIn(t, benchUserEmail(BENCH_LEADER))],
      ...(['deputy1', 'manager', 'finance'] as DemoPerson[]).map((p) => [p, async () => {
        const s = await people(p);
        return signIn(t, s.email);
      }] as [string, () => Promise<PageContext>]),
    ];
    const contexts: [string, PageContext][] = [];
    for (const [role, make] of personas) contexts.push([role, await make()]);

    log('pages per role…');
    const pageFns = { ...LIST_PAGES, 'customer page + timeline': customerPage, 'receivables ageing': receivablesPage, inbox: inboxPage };
    for (const [page, fn] of Object.entries(pageFns)) {
      for (const [role, ctx] of contexts) {
        const s = await sample(scale.samples, () => fn(ctx));
        res.pages.push({ page, role, s });
        log(`  ${page.padEnd(26)} ${role.padEnd(13)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)} ms`);
      }
    }

    log('explain…');
    for (const [role, ctx] of contexts.filter(([r]) => r === 'salesperson' || r === 'manager')) {
      const { data } = await ctx.client.auth.getSession();
      const claims = decodeJwt(data.session!.access_token) as Record<string, unknown>;
      const sel = (x: string) => encodeURIComponent(x.replace(/\s+/g, ''));
      res.explained.push(await explainPage(t.stack.ctx.db, claims, `customers (${role})`, 'customers',
        `select=${sel('id,name,industry,city,level,stage,tags,owner_id,last_follow_up_at,next_follow_up_on,owner:profiles!customers_owner_id_fkey(full_name),group:business_groups!customers_group_id_fkey(name)')}&order=created_at.desc`));
      res.explained.push(await explainPage(t.stack.ctx.db, claims, `contracts (${role})`, 'contracts',
        `select=${sel('id,contract_no,title,status,amount,created_at,customer:customers(name),owner:profiles!contracts_owner_id_fkey(full_name)')}&order=created_at.desc`));
      res.explained.push(await explainPage(t.stack.ctx.db, claims, `receivables ageing (${role})`, 'receivables_ageing_today', 'select=*&order=total_outstanding.desc'));
      res.explained.push(await explainPage(t.stack.ctx.db, claims, `timeline (${role})`, 'follow_ups',
        `select=${sel('id,method,content,followed_at,owner:profiles!follow_ups_owner_id_fkey(full_name)')}&customer_id=eq.${ctx.customerId}&order=followed_at.desc`));
    }

    log('load…');
    const loadUsers: PageContext[] = [];
    for (let u = 2; u < 2 + scale.loadUsers; u++) loadUsers.push(await signIn(t, benchUserEmail(u)));
    res.load = await runLoad(t.stack.ctx.db, loadUsers, scale.loadSeconds, `r${Date.now().toString(36)}`);
    log(`  ${res.load.requests} requests, ${res.load.throughput.toFixed(1)}/s, errors ${res.load.errors}, lost ${res.load.lost}`);

    log('storage 50 MB…');
    res.storage = await storageThroughput(t);

    if (parts === 'all') {
      log('front end in Chromium…');
      res.navigation = await navigationTimings(t, benchUserEmail(BENCH_SALES), 'Bizdesk#2026');
    }
  } finally {
    await t.close();
  }

  log('gateway overhead…');
  res.overhead = await gatewayOverhead();

  if (parts === 'all') {
    log('db:reset and cold start…');
    const tmp = onPostgres() ? await createTempPostgresDb() : undefined;
    try {
      res.start = await startTimes(tmp?.url);
    } finally {
      await tmp?.drop();
    }
    log('front end build…');
    res.bundle = await bundleSizes();
  }

  const report = render(backend, startedAt, res);
  console.log(`\n${report}`);
  const dir = path.join(PROJECT_ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().slice(0, 10)}.md`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, `# Benchmark results ${startedAt.toISOString().slice(0, 10)}\n\nWritten by \`npm run bench\` (tests/bench/run.ts); one section per run.\n`);
  fs.appendFileSync(file, `\n${report}\n`);
  log(`written to ${path.relative(PROJECT_ROOT, file)}`);
  const failed = (res.load?.errors ?? 0) > 0 || (res.load?.lost ?? 0) > 0 || res.storage?.intact === false;
  if (failed) {
    console.error(`bench: FAILED — load errors ${res.load?.errors} (${res.load?.firstError ?? ''}), lost writes ${res.load?.lost}, storage intact ${res.storage?.intact}`);
    process.exitCode = 1;
  }
}

const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

function render(backend: string, at: Date, r: Results): string {
  const rows = (cells: (string | number)[][]) => cells.map((c) => `| ${c.join(' | ')} |`).join('\n');
  const out: string[] = [];
  out.push(`## ${backend}, scale ${scale.name} — ${at.toISOString()}`);
  out.push(`Machine: ${os.cpus().length} cores, load average at start ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (shared machine), Node ${process.version}.`);
  out.push(`\n### Data (generated in ${r.generationSeconds.toFixed(1)} s)\n`);
  out.push('| table | rows | seconds |\n| --- | ---: | ---: |');
  out.push(rows(r.generation.map((g) => [g.table, g.rows, g.seconds.toFixed(1)])));
  out.push(`\n### Pages per role (ms; target p95 < ${TARGET_P95} ms on PostgreSQL at full scale)\n`);
  out.push('| page | role | samples | p50 | p95 | p99 | target |\n| --- | --- | ---: | ---: | ---: | ---: | --- |');
  out.push(rows(r.pages.map((p) => [p.page, p.role, p.s.n, ms(p.s.p50), ms(p.s.p95), ms(p.s.p99), mark(p.s.p95 < TARGET_P95)])));
  out.push('\n### EXPLAIN ANALYZE (the REST API\'s own SQL, as the user)\n');
  out.push('| query | execution ms | InitPlans | helpers run per row |\n| --- | ---: | ---: | --- |');
  out.push(rows(r.explained.map((e) => [e.page, ms(e.ms), e.initPlans, e.perRowHelpers.join(', ') || 'none'])));
  const slowest = [...r.explained].sort((a, b) => b.ms - a.ms)[0];
  if (slowest) out.push(`\nSlowest: ${slowest.page}\n\n\`\`\`\n${slowest.plan}\n\`\`\``);
  if (r.overhead) {
    out.push(`\n### Gateway overhead (tests/bench/rest-overhead.ts, ${r.overhead.rows} rows; target ≤ 1.3×)\n`);
    out.push(`direct median ${r.overhead.directMedianMs} ms, /rest/v1 median ${r.overhead.restMedianMs} ms: ratio ${r.overhead.ratioMedian}× (mean ${r.overhead.ratioMean}×) — ${mark(r.overhead.ratioMedian <= 1.3)}`);
  }
  if (r.load) {
    const l = r.load;
    out.push(`\n### Load: ${l.users} users for ${l.seconds.toFixed(0)} s, 80 % reads / 20 % writes\n`);
    out.push(`${l.requests} requests, ${l.throughput.toFixed(1)} requests/s; reads p50 ${ms(l.reads.p50)} / p95 ${ms(l.reads.p95)} ms; writes p50 ${ms(l.writes.p50)} / p95 ${ms(l.writes.p95)} ms; ` +
      `errors ${l.errors}${l.firstError ? ` (first: ${l.firstError})` : ''}; acknowledged writes ${JSON.stringify(l.acked)}, found ${JSON.stringify(l.found)}: lost ${l.lost}.`);
  }
  if (r.storage) {
    const s = r.storage;
    out.push(`\n### Storage: ${(s.bytes / 1e6).toFixed(0)} MB\n`);
    out.push(`upload ${s.uploadMBps.toFixed(1)} MiB/s, download ${s.downloadMBps.toFixed(1)} MiB/s, intact ${s.intact}; peak RSS growth of the process (stack + streaming client) ${s.rssGrowthMB.toFixed(1)} MiB for a ${(s.bytes / MIB).toFixed(1)} MiB file — ${mark(s.rssGrowthMB < s.bytes / MIB)} (must not grow by the file size).`);
  }
  if (r.start) out.push(`\n### Start-up (${r.start.backend})\n\n\`npm run db:reset\` ${r.start.dbResetSeconds.toFixed(1)} s; cold \`npm start\` on that data until API and app answer ${r.start.coldStartSeconds.toFixed(1)} s.`);
  if (r.bundle) {
    out.push(`\n### Front end (gzip, scripts/bundle-size.ts): sign-in page initial JS ${r.bundle.initialJsKb.toFixed(1)} KB — ${mark(r.bundle.initialJsKb <= 500)} (target ≤ 500 KB)\n`);
    out.push('| chunk | KB |\n| --- | ---: |');
    out.push(rows(r.bundle.chunks.map((c) => [c.file, c.kb.toFixed(1)])));
  }
  if (r.navigation) {
    const n = r.navigation;
    out.push(`\n### Front end in Chromium (vite preview of the production build, this stack's data)\n`);
    out.push(`sign-in page: DOMContentLoaded ${ms(n.signIn.domContentLoadedMs)} ms, load ${ms(n.signIn.loadMs)} ms, ${n.signIn.jsFiles} JS files, ${n.signIn.jsKb.toFixed(0)} KB as served (vite preview does not compress; the gzip budget is measured above).\n` +
      `customers list (full load, signed in as a salesperson) until the first row shows: ${ms(n.customers.firstRowMs)} ms, ${n.customers.jsFiles} JS files, ${n.customers.jsKb.toFixed(0)} KB as served.`);
  }
  return out.join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
