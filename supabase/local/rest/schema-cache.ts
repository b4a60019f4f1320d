// What PostgREST knows about the database: relations, columns, keys, relationships and functions of
// the exposed schemas, read from the catalogs once and again on `NOTIFY pgrst, 'reload schema'`.
import type { DbSession } from '../db/types.ts';
import { foreignKeysThroughViews } from './view-foreign-keys.ts';

export interface Column {
  name: string;
  /** format_type(), e.g. "character varying(20)", "timestamp with time zone". */
  type: string;
  /**
   * The OpenAPI `format`, PostgREST's `data_type`: built-in types without their modifier
   * ("numeric", "character varying"), others with it and their schema ("public.contract_status"),
   * as PostgREST's schema cache reads them outside the exposed schemas' search path.
   */
  format?: string;
  /** The base type's name (udt), e.g. "int4", "_text", "my_enum". */
  udt: string;
  nullable: boolean;
  default: string | null;
  enumValues: string[];
  description: string | null;
  position: number;
  maxLength: number | null;
  generated: boolean;
  identity: boolean;
}

export interface Relation {
  schema: string;
  name: string;
  kind: 'table' | 'view' | 'matview' | 'foreign' | 'partitioned';
  insertable: boolean;
  updatable: boolean;
  deletable: boolean;
  columns: Map<string, Column>;
  pk: string[];
  description: string | null;
  /** Computed fields: functions taking this relation's row and returning one value. */
  computed: Map<string, ComputedField>;
}

export interface ComputedField {
  schema: string;
  function: string;
  column: Column;
  /** The relation whose row the function takes. */
  owner: { schema: string; name: string };
}

/** A foreign key, possibly seen through views: `from(columns)` references `to(refColumns)`. */
export interface ForeignKey {
  name: string;
  from: { schema: string; name: string };
  columns: string[];
  to: { schema: string; name: string };
  refColumns: string[];
}

export interface FunctionParam {
  name: string;
  type: string;
  hasDefault: boolean;
  variadic: boolean;
}

export interface DbFunction {
  schema: string;
  name: string;
  params: FunctionParam[];
  /** The return type: scalar name, or composite relation (schema.name) when it returns rows. */
  returnType: string;
  returnsSet: boolean;
  /** The relation the function returns rows of, if it returns a table type. */
  returnsRelation: { schema: string; name: string } | null;
  returnsComposite: boolean;
  /** OUT / TABLE columns of a function returning records. */
  outColumns: { name: string; type: string }[];
  volatility: 'i' | 's' | 'v';
  description: string | null;
}

export interface SchemaCache {
  schemas: string[];
  relations: Map<string, Relation>;
  foreignKeys: ForeignKey[];
  functions: Map<string, DbFunction[]>;
  /** `alter role … set x = y` settings PostgREST applies when it switches to the role. */
  roleSettings: Map<string, [string, string][]>;
  /** PostgREST's in-database config (`alter role authenticator set pgrst.db_aggregates_enabled …`). */
  aggregatesEnabled: boolean;
  loadedAt: number;
}

export const relKey = (schema: string, name: string) => `${schema}.${name}`;

const RELATIONS_SQL = `
select n.nspname as schema, c.relname as name, c.relkind::text as kind,
       obj_description(c.oid, 'pg_class') as description,
       (c.relkind in ('r','p') or (c.relkind in ('v','f') and pg_relation_is_updatable(c.oid::regclass, true) & 8 = 8)) as insertable,
       (c.relkind in ('r','p') or (c.relkind in ('v','f') and pg_relation_is_updatable(c.oid::regclass, true) & 4 = 4)) as updatable,
       (c.relkind in ('r','p') or (c.relkind in ('v','f') and pg_relation_is_updatable(c.oid::regclass, true) & 16 = 16)) as deletable,
       coalesce((select array_agg(a.attname order by array_position(con.conkey, a.attnum))
                   from pg_constraint con join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey)
                  where con.conrelid = c.oid and con.contype = 'p'), '{}')::text[] as pk
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where n.nspname = any($1) and c.relkind in ('r','v','m','f','p')`;

const COLUMNS_SQL = `
select n.nspname as schema, c.relname as rel, a.attname as name, a.attnum as position,
       format_type(a.atttypid, a.atttypmod) as type,
       case when t.typtype = 'd' and bn.nspname = 'pg_catalog' then format_type(t.typbasetype, null)
            when t.typtype <> 'd' and tn.nspname = 'pg_catalog' then format_type(a.atttypid, null)
            when pg_type_is_visible(t.oid) then quote_ident(tn.nspname) || '.' || format_type(a.atttypid, a.atttypmod)
            else format_type(a.atttypid, a.atttypmod) end as format,
       case when t.typtype = 'd' then bt.typname else t.typname end as udt,
       not (a.attnotnull or (t.typtype = 'd' and t.typnotnull)) as nullable,
       pg_get_expr(d.adbin, d.adrelid) as "default",
       a.attgenerated <> '' as generated,
       a.attidentity <> '' as identity,
       case when a.atttypmod > 4 and t.typname in ('varchar','bpchar') then a.atttypmod - 4 end as max_length,
       col_description(c.oid, a.attnum) as description,
       coalesce((select array_agg(e.enumlabel order by e.enumsortorder) from pg_enum e
                  where e.enumtypid = case when t.typtype = 'd' then t.typbasetype else t.oid end), '{}')::text[] as enum_values
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid
  join pg_namespace n on n.oid = c.relnamespace
  join pg_type t on t.oid = a.atttypid
  join pg_namespace tn on tn.oid = t.typnamespace
  left join pg_type bt on bt.oid = t.typbasetype
  left join pg_namespace bn on bn.oid = bt.typnamespace
  left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
 where n.nspname = any($1) and c.relkind in ('r','v','m','f','p') and a.attnum > 0 and not a.attisdropped
 order by a.attnum`;

// Foreign keys among all tables (a view in an exposed schema may show a table of another schema).
const FKS_SQL = `
select con.conname as name, ns.nspname as from_schema, cs.relname as from_name,
       (select array_agg(a.attname order by k.i) from unnest(con.conkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n)::text[] as columns,
       nt.nspname as to_schema, ct.relname as to_name,
       (select array_agg(a.attname order by k.i) from unnest(con.confkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n)::text[] as ref_columns
  from pg_constraint con
  join pg_class cs on cs.oid = con.conrelid join pg_namespace ns on ns.oid = cs.relnamespace
  join pg_class ct on ct.oid = con.confrelid join pg_namespace nt on nt.oid = ct.relnamespace
 where con.contype = 'f' and ns.nspname not in ('pg_catalog', 'information_schema')
 order by con.oid`;

// View columns' base-table origins come from the views' rewrite rules (see view-sources.ts).
const VIEWS_SQL = `
select n.nspname as schema, c.relname as name, r.ev_action::text as action
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  join pg_rewrite r on r.ev_class = c.oid and r.rulename = '_RETURN'
 where n.nspname = any($1) and c.relkind in ('v','m')`;

const FUNCTIONS_SQL = `
select n.nspname as schema, p.proname as name, p.provolatile::text as volatility, p.proretset as returns_set,
       p.pronargs as nargs, p.pronargdefaults as ndefaults, p.provariadic <> 0 as variadic,
       coalesce(p.proargnames, '{}')::text[] as arg_names, coalesce(p.proargmodes::text[], '{}') as arg_modes,
       (select coalesce(array_agg(format_type(t, null) order by i), '{}') from unnest(p.proargtypes) with ordinality u(t, i)) as arg_types,
       format_type(p.prorettype, null) as return_type,
       (select coalesce(array_agg(format_type(t, null) order by i), '{}') from unnest(p.proallargtypes) with ordinality u(t, i)) as all_arg_types,
       rt.typtype = 'c' or (rt.typtype = 'p' and rt.typname = 'record') as returns_composite,
       rn.nspname as ret_rel_schema, rc.relname as ret_rel_name,
       (select an.nspname || '.' || ac.relname from pg_type at join pg_class ac on ac.oid = at.typrelid
          join pg_namespace an on an.oid = ac.relnamespace where at.oid = p.proargtypes[0]) as first_arg_rel,
       case when rt.typtype = 'd' then (select b.typname from pg_type b where b.oid = rt.typbasetype) else rt.typname end as return_udt,
       obj_description(p.oid, 'pg_proc') as description
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  join pg_type rt on rt.oid = p.prorettype
  left join pg_class rc on rc.oid = rt.typrelid and rc.relkind in ('r','v','m','f','p')
  left join pg_namespace rn on rn.oid = rc.relnamespace
 where n.nspname = any($1) and p.prokind = 'f'`;

// Settings of the role (for this database or all), only those a user may set, like PostgREST.
const ROLE_SETTINGS_SQL = `
select r.rolname as role, split_part(kv, '=', 1) as name, substr(kv, strpos(kv, '=') + 1) as value
  from pg_db_role_setting s
  join pg_roles r on r.oid = s.setrole
  cross join lateral unnest(s.setconfig) kv
 where s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
   and split_part(kv, '=', 1) in (select name from pg_settings where context = 'user')
 order by s.setdatabase`;

// PostgREST reads its own settings from the authenticator role (this database's first).
const PGRST_CONFIG_SQL = `
select substr(kv, strpos(kv, '=') + 1) as value
  from pg_db_role_setting s
  join pg_roles r on r.oid = s.setrole and r.rolname = 'authenticator'
  cross join lateral unnest(s.setconfig) kv
 where s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
   and split_part(kv, '=', 1) = 'pgrst.db_aggregates_enabled'
 order by s.setdatabase desc
 limit 1`;

const KIND: Record<string, Relation['kind']> = { r: 'table', v: 'view', m: 'matview', f: 'foreign', p: 'partitioned' };

export async function loadSchemaCache(db: DbSession, schemas: string[]): Promise<SchemaCache> {
  const rels = await db.query<any>(RELATIONS_SQL, [schemas]);
  const relations = new Map<string, Relation>();
  for (const r of rels.rows) {
    relations.set(relKey(r.schema, r.name), {
      schema: r.schema,
      name: r.name,
      kind: KIND[r.kind],
      insertable: r.insertable,
      updatable: r.updatable,
      deletable: r.deletable,
      columns: new Map(),
      pk: r.pk,
      description: r.description,
      computed: new Map(),
    });
  }
  const cols = await db.query<any>(COLUMNS_SQL, [schemas]);
  for (const c of cols.rows) {
    relations.get(relKey(c.schema, c.rel))?.columns.set(c.name, {
      name: c.name,
      type: c.type,
      format: c.format,
      udt: c.udt,
      nullable: c.nullable,
      default: c.default,
      enumValues: c.enum_values,
      description: c.description,
      position: c.position,
      maxLength: c.max_length,
      generated: c.generated,
      identity: c.identity,
    });
  }
  const tableFks: ForeignKey[] = (await db.query<any>(FKS_SQL)).rows.map((f) => ({
    name: f.name,
    from: { schema: f.from_schema, name: f.from_name },
    columns: f.columns,
    to: { schema: f.to_schema, name: f.to_name },
    refColumns: f.ref_columns,
  }));
  const views = (await db.query<{ schema: string; name: string; action: string }>(VIEWS_SQL, [schemas])).rows;
  const viewFks = await foreignKeysThroughViews(db, views, tableFks);
  const exposed = (t: { schema: string; name: string }) => relations.has(relKey(t.schema, t.name));
  const foreignKeys = [...tableFks, ...viewFks].filter((f) => exposed(f.from) && exposed(f.to));

  const functions = new Map<string, DbFunction[]>();
  for (const f of (await db.query<any>(FUNCTIONS_SQL, [schemas])).rows) {
    const modes: string[] = f.arg_modes;
    const names: string[] = f.arg_names;
    // Input arguments only (modes i, b, v); proargnames covers all arguments when modes exist.
    const inputNames = modes.length ? names.filter((_, i) => ['i', 'b', 'v'].includes(modes[i])) : names;
    const params: FunctionParam[] = (f.arg_types as string[]).map((type, i) => ({
      name: inputNames[i] ?? '',
      type,
      hasDefault: i >= f.nargs - f.ndefaults,
      variadic: f.variadic && i === f.nargs - 1,
    }));
    const allTypes: string[] = f.all_arg_types;
    const outColumns = modes.flatMap((m, i) => (m === 'o' || m === 'b' || m === 't' ? [{ name: names[i], type: allTypes[i] }] : []));
    const fn: DbFunction = {
      outColumns,
      schema: f.schema,
      name: f.name,
      params,
      returnType: f.return_type,
      returnsSet: f.returns_set,
      returnsRelation: f.ret_rel_name ? { schema: f.ret_rel_schema, name: f.ret_rel_name } : null,
      returnsComposite: f.returns_composite || Boolean(f.ret_rel_name),
      volatility: f.volatility,
      description: f.description,
    };
    const key = relKey(f.schema, f.name);
    functions.set(key, [...(functions.get(key) ?? []), fn]);
    // `full_name(people)`: a computed field of `people` (the other arguments must have defaults).
    const owner = f.first_arg_rel ? relations.get(f.first_arg_rel) : undefined;
    if (owner && !f.returns_set && f.nargs - f.ndefaults <= 1 && !owner.columns.has(f.name)) {
      owner.computed.set(f.name, {
        schema: f.schema,
        function: f.name,
        owner: { schema: owner.schema, name: owner.name },
        column: { name: f.name, type: f.return_type, udt: f.return_udt, nullable: true, default: null, enumValues: [], description: f.description, position: 0, maxLength: null, generated: true, identity: false },
      });
    }
  }
  const roleSettings = new Map<string, [string, string][]>();
  for (const rs of (await db.query<{ role: string; name: string; value: string }>(ROLE_SETTINGS_SQL)).rows) {
    // Database-specific settings come last and win.
    const list = (roleSettings.get(rs.role) ?? []).filter(([n]) => n !== rs.name);
    roleSettings.set(rs.role, [...list, [rs.name, rs.value]]);
  }
  const aggregates = (await db.query<{ value: string }>(PGRST_CONFIG_SQL)).rows[0]?.value;
  const aggregatesEnabled = ['true', 'on', '1', 'yes'].includes((aggregates ?? '').toLowerCase());
  return { schemas, relations, foreignKeys, functions, roleSettings, aggregatesEnabled, loadedAt: Date.now() };
}
