// Row validation with the shared cell parser: types, required values, enum values by label,
// foreign keys by the referenced row's name, list columns, and duplicates within the file and
// against existing rows; large files are validated in chunks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCell } from '../../src/components/cell-value/parse.ts';
import type { ColumnInfo } from '../../src/providers/table-schema.ts';
import { importLabels, translatorOf } from '../../src/components/import/labels.ts';
import { validateRows, type ValidationContext } from '../../src/components/import/validate-rows.ts';

const locale = (name: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/locales/${name}.json`), 'utf8'));
const labels = importLabels('customers', [translatorOf(locale('zh-CN')), translatorOf(locale('en'))]);

const col = (name: string, kind: ColumnInfo['kind'], extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name, kind, pgType: kind, required: false, primaryKey: false, nullable: true, ...extra,
});
const columns: ColumnInfo[] = [
  col('name', 'text', { required: true, nullable: false }),
  col('level', 'enum', { enumValues: ['key', 'general', 'potential'] }),
  col('budget', 'money', { scale: 2, integerDigits: 12 }),
  col('owner_id', 'uuid', { references: { table: 'profiles', column: 'id' } }),
  col('next_follow_up_on', 'date'),
  col('tags', 'json', { array: true }),
];
const OWNER = '10000000-0000-4000-8000-000000000012';
const ctx: ValidationContext = {
  columns,
  mapping: ['name', 'level', 'budget', 'owner_id', 'next_follow_up_on', 'tags', null],
  parse: (text, column) => parseCell(text, column),
  labels,
  references: new Map([['owner_id', new Map([['赵磊', [OWNER]], ['张伟', ['a', 'b']]])]]),
  naturalKey: 'name',
  existingKeys: new Set(['华北重工']),
};

describe('validateRows', () => {
  it('turns a good row into the record the table takes, blank cells left out', async () => {
    const [row] = await validateRows([['东方电子', '重要客户', '¥1,200.50', '赵磊', '2026/12/1', '重点，制造', 'ignored']], ctx);
    expect(row).toEqual({
      index: 0,
      line: 2,
      record: { name: '东方电子', level: 'key', budget: 1200.5, owner_id: OWNER, next_follow_up_on: '2026-12-01', tags: ['重点', '制造'] },
      issues: [],
    });
    const [sparse] = await validateRows([['东方电子二', 'General', '', '', '', '']], ctx);
    expect(sparse!.record).toEqual({ name: '东方电子二', level: 'general' });
  });

  it('names each bad cell with its column and the key of its message', async () => {
    const [row] = await validateRows([['', '超级', 'abc', '无名氏', '2026-02-30', '']], ctx);
    expect(row!.issues.map((i) => [i.column, i.key])).toEqual([
      ['name', 'import.issues.required'],
      ['level', 'cellValue.errors.enum'],
      ['budget', 'cellValue.errors.money'],
      ['owner_id', 'import.issues.notFound'],
      ['next_follow_up_on', 'cellValue.errors.date'],
    ]);
  });

  it('refuses a name that matches two referenced rows, and takes an id as it is', async () => {
    const rows = await validateRows([['甲公司', '', '', '张伟'], ['乙公司', '', '', OWNER.toUpperCase()]], ctx);
    expect(rows[0]!.issues).toEqual([{ column: 'owner_id', key: 'import.issues.ambiguous', params: { value: '张伟', count: 2 } }]);
    expect(rows[1]!.record.owner_id).toBe(OWNER);
  });

  it('reports the file\'s row numbers when the reader gives them (blank rows skipped)', async () => {
    const rows = await validateRows([['甲客户'], ['甲客户']], ctx, { lines: [2, 5] });
    expect(rows.map((r) => [r.index, r.line])).toEqual([[0, 2], [1, 5]]);
    expect(rows[1]!.issues[0]).toMatchObject({ key: 'import.issues.duplicateInFile', params: { line: 2 } });
  });

  it('flags duplicates within the file (pointing at the first line) and against existing rows', async () => {
    const rows = await validateRows([['新客户'], ['华北重工'], [' 新客户 ']], ctx);
    expect(rows.map((r) => r.issues.map((i) => i.key))).toEqual([[], ['import.issues.duplicateExisting'], ['import.issues.duplicateInFile']]);
    expect(rows[2]!.issues[0]!.params).toMatchObject({ line: 2 });
  });

  it('validates 10k rows in chunks, reporting progress, with line numbers kept', async () => {
    const rows = Array.from({ length: 10000 }, (_, i) => [`客户${i}`, 'key', String(i)]);
    const progress: number[] = [];
    const out = await validateRows(rows, { ...ctx, existingKeys: new Set() }, { onProgress: (p) => progress.push(p), chunk: 2500 });
    expect(out).toHaveLength(10000);
    expect(out.every((r) => r.issues.length === 0)).toBe(true);
    expect(out[9999]!.line).toBe(10001);
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
  });
});
