// Builds the app and reports every JS/CSS chunk's gzip size, then the initial JS of the sign-in
// page (the entry chunk, the lazy login page, and everything they import statically). Fails when
// that is over the budget of issue 8: 500 KB gzip.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import { PROJECT_ROOT } from '../supabase/local/config.ts';

const BUDGET_KB = 500;
const LOGIN_PAGE = 'src/resources/auth/login.tsx';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizdesk-bundle-'));
try {
  await build({ root: PROJECT_ROOT, logLevel: 'warn', build: { outDir, manifest: true, emptyOutDir: true } });
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const gzipKb = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(outDir, file))).length / 1024;

  const assets = fs.readdirSync(path.join(outDir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const rows = assets.map((f) => ({ file: `assets/${f}`, kb: gzipKb(`assets/${f}`) })).sort((a, b) => b.kb - a.kb);
  console.log('gzip KB  chunk');
  for (const r of rows) console.log(`${r.kb.toFixed(1).padStart(7)}  ${r.file}`);
  const total = rows.reduce((s, r) => s + r.kb, 0);
  console.log(`${total.toFixed(1).padStart(7)}  (all ${rows.length} chunks)`);

  // The sign-in page loads the entry and the login page with their static imports.
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey || !manifest[LOGIN_PAGE]) throw new Error(`the manifest lacks the entry or ${LOGIN_PAGE}`);
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initial.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entryKey);
  visit(LOGIN_PAGE);
  const initialJs = [...initial].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipKb(f), 0);
  console.log(`\nsign-in page initial JS: ${initialJs.toFixed(1)} KB gzip in ${[...initial].filter((f) => f.endsWith('.js')).length} files (budget ${BUDGET_KB} KB)`);
  if (initialJs > BUDGET_KB) {
    console.error(`over budget by ${(initialJs - BUDGET_KB).toFixed(1)} KB`);
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(outDir, { recursive: true, force: true });
}
