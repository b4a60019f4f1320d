// Which tables the wizard imports into, and per table: the columns a file may fill (never ids,
// audit columns or statuses, which the database sets), the natural key whose duplicates are
// flagged, and the foreign keys a file names by label. The app's lists use the tables configured
// here; any other table (the admin table editor) gets a target derived from its schema.
import { labelColumnOf, type TableInfo } from '../../providers/table-schema.ts';
export interface ReferenceLookup {
  /** Referenced table and the column a file names its rows by. */
  table: string;
  labelColumn: string;
  /** A second label for names the first one does not know (a product by code, else by name). */
  fallbackLabelColumn?: string;
}

/**
 * Files with one row per child line (a quotation's lines): rows sharing the `groupBy` column's
 * value form one parent record, whose header columns (the target's `columns`) may stand on any of
 * its rows. Committed by one RPC that inserts parents and lines together.
 */
export interface GroupedImport {
  linesTable: string;
  lineColumns: readonly string[];
  /** A file-only column (not stored) naming the parent a row belongs to. */
  groupBy: string;
  /** A line needs one of these (a line's name comes from its product when left out). */
  lineNeedsOneOf?: readonly string[];
  /** Numeric bounds the table's checks set (`gt`: strictly greater). */
  bounds?: Readonly<Record<string, { min?: number; gt?: number; max?: number }>>;
  /** Lines one parent may have. */
  maxLines?: number;
  /** Date columns that must lie after today. */
  afterToday?: readonly string[];
  rpc: string;
}

export interface ImportTarget {
  resource: string;
  columns: readonly string[];
  /** One column that identifies a record for people: duplicates in the file and in the table. */
  naturalKey?: string;
  references?: Readonly<Record<string, ReferenceLookup>>;
  grouped?: GroupedImport;
  /** Where the column labels live (`<labelSpace>.fields.*`), when not under the resource. */
  labelSpace?: string;
}

const PEOPLE: ReferenceLookup = { table: 'profiles', labelColumn: 'full_name' };
const CUSTOMERS: ReferenceLookup = { table: 'customers', labelColumn: 'name' };

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
    references: { customer_id: CUSTOMERS },
  },
  quotations: {
    resource: 'quotations',
    labelSpace: 'quotationImport',
    columns: ['customer_id', 'title', 'valid_until', 'delivery_on', 'currency', 'payment_terms', 'notes'],
    references: { customer_id: CUSTOMERS, product_id: { table: 'products', labelColumn: 'code', fallbackLabelColumn: 'name' } },
    grouped: {
      linesTable: 'quotation_lines',
      lineColumns: ['product_id', 'product_name', 'spec', 'unit', 'quantity', 'unit_price', 'discount'],
      groupBy: 'quote_ref',
      lineNeedsOneOf: ['product_id', 'product_name'],
      // 20261123001100_quotations.sql: quotation_lines' checks and the validity trigger.
      bounds: { quantity: { gt: 0 }, unit_price: { min: 0 }, discount: { min: 0, max: 100 } },
      afterToday: ['valid_until'],
      maxLines: 999, // quotation_lines.line_no between 1 and 999
      rpc: 'import_quotations',
    },
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
