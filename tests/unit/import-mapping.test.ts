// Header mapping: file headers in Chinese, English or as column names find their table column,
// ignoring case, spaces, required marks and full-width forms; each column is filled once.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoMap, normalizeLabel, unmappedRequired } from '../../src/components/import/header-mapping.ts';
import { importLabels, translatorOf } from '../../src/components/import/labels.ts';
import type { ImportColumn } from '../../src/components/import/import-column.ts';

const locale = (name: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/locales/${name}.json`), 'utf8'));
const labels = importLabels('customers', [translatorOf(locale('zh-CN')), translatorOf(locale('en'))]);

const column = (name: string, required = false): ImportColumn => ({ name, kind: 'text', pgType: 'text', required, primaryKey: false, nullable: !required });
const columns = [column('name', true), column('city'), column('budget'), column('owner_id'), column('next_follow_up_on')];

describe('autoMap', () => {
  it('maps Chinese labels', () => {
    expect(autoMap(['公司名称', '城市', '预算', '负责人'], columns, labels)).toEqual(['name', 'city', 'budget', 'owner_id']);
  });

  it('maps English labels in any case, with spaces and required marks', () => {
    expect(autoMap(['COMPANY NAME *', 'city', 'Budget (required)', 'Next follow-up'], columns, labels)).toEqual(['name', 'city', 'budget', 'next_follow_up_on']);
  });

  it('maps column names and full-width forms; unknown headers and a second claim on a column stay unmapped', () => {
    expect(autoMap(['ｎａｍｅ', '公司名称', '备注栏', 'owner_id'], columns, labels)).toEqual(['name', null, null, 'owner_id']);
  });

  it('lists the required columns no file column fills', () => {
    expect(unmappedRequired(['city', null], columns)).toEqual(['name']);
    expect(unmappedRequired(['name'], columns)).toEqual([]);
  });

  it('normalizes labels the same way for the file and the table', () => {
    expect(normalizeLabel(' 公司名称（必填）')).toBe(normalizeLabel('公司名称'));
    expect(normalizeLabel('Credit term (days)')).not.toBe(normalizeLabel('Credit limit'));
  });
});
