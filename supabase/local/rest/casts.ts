// `::type` casts in `select`: the type must be a plain type name; it is quoted as an identifier
// after SQL's multi-word names are mapped to their catalog names (`integer` -> `int4`).
import { parseError } from './errors.ts';

const ALIASES: Record<string, string> = {
  integer: 'int4', int: 'int4', bigint: 'int8', smallint: 'int2', boolean: 'bool', real: 'float4',
  'double precision': 'float8', decimal: 'numeric', 'character varying': 'varchar', character: 'bpchar',
  char: 'bpchar', 'timestamp with time zone': 'timestamptz', 'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz', 'time without time zone': 'time',
};

/** The SQL text of a cast target, e.g. `"int4"` or `"text"[]`. */
export function castType(raw: string): string {
  const m = /^([A-Za-z_][A-Za-z0-9_ ]{0,62}?)(\[\])?$/.exec(raw.trim());
  if (!m) throw parseError('select parameter', raw, `unexpected "${raw.slice(0, 1)}" expecting type name`);
  const base = ALIASES[m[1].toLowerCase()] ?? m[1];
  return `"${base.replace(/"/g, '""')}"${m[2] ?? ''}`;
}
