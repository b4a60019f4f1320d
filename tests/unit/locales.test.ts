// The two locale files must hold the same keys, and every key used by a screen must exist.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../public/locales');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Record<string, unknown>;

function leaves(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, node);
  return out;
}

/** Keys of the first locale missing from the second. */
export function missingKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const bKeys = leaves(b);
  return [...leaves(a).keys()].filter((k) => !bKeys.has(k));
}

function sourceFiles(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(d, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(d, e.name)] : [],
  );
}

describe('locales', () => {
  const zh = read('zh-CN');
  const en = read('en');

  it('zh-CN and en have exactly the same keys', () => {
    expect(missingKeys(zh, en)).toEqual([]);
    expect(missingKeys(en, zh)).toEqual([]);
  });

  it('the comparison notices a key present in one locale only', () => {
    expect(missingKeys({ a: { b: 'x', c: 'y' } }, { a: { b: 'x' } })).toEqual(['a.c']);
    expect(missingKeys({ a: { b: 'x' } }, { a: { b: 'x', c: 'y' } })).toEqual([]);
  });

  it('every value is a non-empty string, with the same placeholders in both', () => {
    const enLeaves = leaves(en);
    for (const [key, value] of leaves(zh)) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(enLeaves.get(key) as string), key).toEqual(vars(value as string));
    }
  });

  it('every literal key the screens use exists', () => {
    const keys = leaves(zh);
    const src = path.resolve(import.meta.dirname, '../../src');
    const missing: string[] = [];
    for (const file of sourceFiles(src)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([a-zA-Z_]+(?:\.[a-zA-Z0-9_]+)+)'/g)) if (!keys.has(m[1])) missing.push(`${path.relative(src, file)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
