// The exposed schema as the REST API describes it to the signed-in user (PostgREST's OpenAPI
// document at GET /rest/v1/, which lists only what the caller's role may use), turned into
// column kinds the table editor and the importer work with. Cached per signed-in user.
// The supabase client is imported lazily so the pure parts load in Node (unit tests).

export type ColumnKind = 'text' | 'number' | 'integer' | 'money' | 'date' | 'datetime' | 'boolean' | 'enum' | 'uuid' | 'json';

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** The database type as PostgREST reports it (`format`), e.g. "numeric(14,2)", "contract_status". */
  pgType: string;
  enumValues?: string[];
  /** NOT NULL without a default: an insert must give it. */
  required: boolean;
  primaryKey: boolean;
  /** Whether an empty cell may be stored as null (the OpenAPI document only tells `required`). */
  nullable: boolean;
  references?: { table: string; column: string };
  maxLength?: number;
  /** Digits after the decimal point of numeric(p,s). */
  scale?: number;
  /** Digits before the decimal point of numeric(p,s). */
  integerDigits?: number;
  /** The column's default expression, when it has one. */
  defaultValue?: string;
  /** Arrays (e.g. text[]) are edited as JSON arrays. */
  array?: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** What the caller may do with it (the document's paths follow the caller's privileges). */
  insertable: boolean;
  updatable: boolean;
  deletable: boolean;
}

interface OpenApiProperty {
  type?: string;
  format?: string;
  enum?: unknown[];
  default?: unknown;
  maxLength?: number;
  description?: string;
}
interface OpenApiDocument {
  definitions?: Record<string, { required?: string[]; properties?: Record<string, OpenApiProperty> }>;
  paths?: Record<string, Record<string, unknown>>;
}

const FK_NOTE = /<fk table='([^']+)' column='([^']+)'\/>/;
const INTEGER_TYPES = new Set(['integer', 'bigint', 'smallint', 'int', 'int2', 'int4', 'int8']);
const FLOAT_TYPES = new Set(['real', 'double precision', 'float4', 'float8']);

// PostgREST's `format` of a built-in type has no modifier ("numeric", not "numeric(14,2)"), so money
// is told by the department's convention (DESIGN.md): numeric(14,2) in a table with a currency column.
const MONEY = { kind: 'money', scale: 2, integerDigits: 12 } as const;

function kindOf(format: string, prop: OpenApiProperty, hasCurrency: boolean): Pick<ColumnInfo, 'kind' | 'scale' | 'integerDigits' | 'array'> {
  if (format.endsWith('[]') || prop.type === 'array') return { kind: 'json', array: true };
  if (prop.enum?.length) return { kind: 'enum' };
  if (format === 'uuid') return { kind: 'uuid' };
  if (format === 'boolean') return { kind: 'boolean' };
  if (format === 'date') return { kind: 'date' };
  if (format.startsWith('timestamp')) return { kind: 'datetime' };
  if (format === 'json' || format === 'jsonb') return { kind: 'json' };
  if (INTEGER_TYPES.has(format)) return { kind: 'integer' };
  if (FLOAT_TYPES.has(format)) return { kind: 'number' };
  const numeric = /^numeric(?:\((\d+),(\d+)\))?$/.exec(format);
  if (numeric) {
    if (!numeric[1]) return hasCurrency ? MONEY : { kind: 'number' };
    const precision = Number(numeric[1]);
    const scale = Number(numeric[2]);
    return { kind: scale === 2 && hasCurrency ? 'money' : 'number', scale, integerDigits: precision - scale };
  }
  return { kind: 'text' };
}

/** Pure: the tables and views of an OpenAPI (Swagger 2.0) document as PostgREST writes it. */
export function tableSchemaFromOpenApi(doc: OpenApiDocument): Map<string, TableInfo> {
  const tables = new Map<string, TableInfo>();
  for (const [name, def] of Object.entries(doc.definitions ?? {})) {
    const required = new Set(def.required ?? []);
    const hasCurrency = 'currency' in (def.properties ?? {});
    const columns: ColumnInfo[] = Object.entries(def.properties ?? {}).map(([col, prop]) => {
      const format = prop.format ?? prop.type ?? 'text';
      const fk = FK_NOTE.exec(prop.description ?? '');
      const primaryKey = (prop.description ?? '').includes('<pk/>');
      const info: ColumnInfo = {
        name: col,
        ...kindOf(format, prop, hasCurrency),
        pgType: format,
        required: required.has(col),
        primaryKey,
        nullable: !required.has(col) && !primaryKey,
      };
      if (prop.enum?.length) info.enumValues = prop.enum.map(String);
      if (fk) info.references = { table: fk[1], column: fk[2] };
      if (typeof prop.maxLength === 'number') info.maxLength = prop.maxLength;
      if (prop.default !== undefined) info.defaultValue = String(prop.default);
      return info;
    });
    const ops = doc.paths?.[`/${name}`] ?? {};
    tables.set(name, {
      name,
      columns,
      primaryKey: columns.filter((c) => c.primaryKey).map((c) => c.name),
      insertable: 'post' in ops,
      updatable: 'patch' in ops,
      deletable: 'delete' in ops,
    });
  }
  return tables;
}

/** The column that names a row for people (shown by foreign-key pickers), if the table has one. */
export function labelColumnOf(table: TableInfo): string | undefined {
  const names = new Set(table.columns.map((c) => c.name));
  const preferred = ['name', 'full_name', 'title', 'code', 'contract_no', 'quotation_no', 'order_no', 'email'];
  return (
    preferred.find((n) => names.has(n)) ??
    table.columns.find((c) => c.kind === 'text' && /(_name|_no|title)$/.test(c.name))?.name
  );
}

let cached: { userId: string | undefined; schema: Promise<Map<string, TableInfo>> } | undefined;

/** The exposed schema for the signed-in user, read once per user (session). */
export async function loadTableSchema(): Promise<Map<string, TableInfo>> {
  const { anonKey, apiUrl, supabase } = await import('./supabase-client.ts');
  const { data } = await supabase.auth.getSession();
  const userId = data.session?.user.id;
  if (!cached || cached.userId !== userId) {
    const token = data.session?.access_token ?? anonKey;
    const schema = fetch(`${apiUrl}/rest/v1/`, {
      headers: { apikey: anonKey, Authorization: `Bearer ${token}`, Accept: 'application/openapi+json' },
    }).then(async (res) => {
      if (!res.ok) throw Object.assign(new Error(`OpenAPI document: HTTP ${res.status}`), await res.json().catch(() => ({})));
      return tableSchemaFromOpenApi((await res.json()) as OpenApiDocument);
    });
    // A failed read is not kept: the next call tries again.
    schema.catch(() => {
      if (cached?.schema === schema) cached = undefined;
    });
    cached = { userId, schema };
  }
  return cached.schema;
}
