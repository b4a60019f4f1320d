// Row problems shown to people: the column's label, the translated message, enum values by label.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { constraintColumn, issueText } from '../../src/components/import/issue-text.ts';

const zh = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../public/locales/zh-CN.json'), 'utf8'));

describe('issueText', () => {
  it('names the column and lists enum values by their labels', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zh } }, interpolation: { escapeValue: false } });
    expect(issueText(i18n.t, 'customers', { column: 'level', key: 'cellValue.errors.enum', params: { values: 'key, general, potential', value: '超级' } }))
      .toBe('客户等级: 请选择以下之一：重要客户, 一般客户, 潜在客户');
    expect(issueText(i18n.t, 'customers', { column: 'name', key: 'import.issues.duplicateInFile', params: { value: '甲', line: 2 } }))
      .toBe('公司名称: 与文件第 2 行重复：甲');
  });
});

describe('constraintColumn', () => {
  it('reads the column from Postgres default constraint names of the table', () => {
    expect(constraintColumn('customers', 'new row for relation "customers" violates check constraint "customers_credit_rating_check"')).toBe('credit_rating');
    expect(constraintColumn('products', 'duplicate key value violates unique constraint "products_code_key"')).toBe('code');
    expect(constraintColumn('customers', 'violates check constraint "other_name_check"')).toBeUndefined();
    expect(constraintColumn('customers', 'new row violates row-level security policy for table "customers"')).toBeUndefined();
  });
});
