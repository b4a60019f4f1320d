// Which tables the wizard imports into, and per table: the columns a file may fill (never ids,
// audit columns or statuses, which the database sets), the natural key whose duplicates are
// flagged, and the foreign keys a file names by label. The app's lists use the tables configured
// here; any other table (the admin table editor) gets a target derived from its schema.
import { labelColumnOf, type TableInfo } from '../../providers/table-schema.ts';
export interface ReferenceLookup {
  /** Referenced table and the column a file names its rows by. */
  table: string;
  labelColumn: string;
}

export interface ImportTarget {
  resource: string;
  columns: readonly string[];
  /** One column that identifies a record for people: duplicates in the file and in the table. */
  naturalKey?: string;
  references?: Readonly<Record<string, ReferenceLookup>>;
}

const PEOPLE: ReferenceLookup = { table: 'profiles', labelColumn: 'full_name' };

export const IMPORT_TARGETS: Readonly<Record<string, ImportTarget>> = {
  customers: {
    resource: 'customers',
    columns: [
      'name', 'industry', 'city', 'address', 'source', 'level', 'stage', 'owner_id', 'budget', 'currency',
      'demand_intent', 'purchase_preferences', 'credit_rating', 'credit_limit', 'credit_term_days', 'tags',
      'next_follow_up_on', 'revisit_interval_days', 'notes',
    ],
    // No unique index: a company name is how the department tells customers apart (similar-name warning).
    naturalKey: 'name',
    references: { owner_id: PEOPLE },
  },
  products: {
    resource: 'products',
    columns: ['code', 'name', 'spec', 'unit', 'list_price', 'currency', 'active', 'description'],
    naturalKey: 'code', // products.code is unique
  },
  contracts: {
    resource: 'contracts',
    columns: ['contract_no', 'title', 'customer_id', 'amount', 'currency', 'delivery_on', 'payment_method', 'specs', 'rights_duties', 'breach_terms'],
    naturalKey: 'contract_no', // contracts.contract_no is unique
    references: { customer_id: { table: 'customers', labelColumn: 'name' } },
  },
};

export function importTarget(resource: string): ImportTarget | undefined {
  return IMPORT_TARGETS[resource];
}

// Set by the database (defaults and triggers), never by a file.
const AUDIT_COLUMNS = new Set(['created_at', 'updated_at', 'created_by']);

/** A target for any table: every column but generated keys and audit columns. */
export function targetFromSchema(table: TableInfo, schema: ReadonlyMap<string, TableInfo>): ImportTarget {
  const columns = table.columns.filter((c) => !AUDIT_COLUMNS.has(c.name) && !(c.primaryKey && c.defaultValue !== undefined));
  const references: Record<string, ReferenceLookup> = {};
  for (const c of columns) {
    const referenced = c.references && schema.get(c.references.table);
    const labelColumn = referenced && labelColumnOf(referenced);
    if (referenced && labelColumn) references[c.name] = { table: referenced.name, labelColumn };
  }
  // Only a single-column key typed in by people is known to be unique.
  const key = table.primaryKey.length === 1 ? columns.find((c) => c.name === table.primaryKey[0]) : undefined;
  return { resource: table.name, columns: columns.map((c) => c.name), naturalKey: key?.name, references };
}
