// What a file may fill: the configured tables keep ids, audit columns and statuses out; any other
// table gets a target from its schema (generated keys and audit columns out, foreign keys by label).
import { describe, expect, it } from 'vitest';
import type { ColumnInfo, TableInfo } from '../../src/providers/table-schema.ts';
import { importTarget, targetFromSchema } from '../../src/components/import/import-targets.ts';

const col = (name: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({ name, kind: 'text', pgType: 'text', required: false, primaryKey: false, nullable: true, ...extra });
const table = (name: string, columns: ColumnInfo[]): TableInfo => ({
  name, columns, primaryKey: columns.filter((c) => c.primaryKey).map((c) => c.name), insertable: true, updatable: true, deletable: true,
});

describe('import targets', () => {
  it('configured lists import business columns only', () => {
    const customers = importTarget('customers')!;
    expect(customers.columns).toContain('name');
    for (const never of ['id', 'created_at', 'created_by', 'group_id', 'last_follow_up_at']) expect(customers.columns).not.toContain(never);
    expect(importTarget('contracts')!.columns).not.toContain('status');
    expect(importTarget('nothing')).toBeUndefined();
  });

  it('any other table: generated key and audit columns out, typed-in key flagged for duplicates, foreign keys by label', () => {
    const profiles = table('profiles', [col('id', { kind: 'uuid', primaryKey: true, defaultValue: 'gen_random_uuid()' }), col('full_name')]);
    const types = table('approval_record_types', [col('record_type', { primaryKey: true, required: true }), col('label')]);
    const contacts = table('contacts', [
      col('id', { kind: 'uuid', primaryKey: true, defaultValue: 'gen_random_uuid()' }),
      col('name'),
      col('owner_id', { kind: 'uuid', references: { table: 'profiles', column: 'id' } }),
      col('created_at', { kind: 'datetime' }),
    ]);
    const schema = new Map([profiles, types, contacts].map((t) => [t.name, t]));
    expect(targetFromSchema(contacts, schema)).toEqual({
      resource: 'contacts',
      columns: ['name', 'owner_id'],
      naturalKey: undefined,
      references: { owner_id: { table: 'profiles', labelColumn: 'full_name' } },
    });
    expect(targetFromSchema(types, schema)).toMatchObject({ columns: ['record_type', 'label'], naturalKey: 'record_type' });
  });
});
