// GET /rest/v1/: the Swagger 2.0 description PostgREST serves, built from the schema cache:
// one definition per relation (columns with type/format, `<pk/>` and `<fk table='x' column='y'/>`
// notes, enum values, defaults, required), paths for relations and rpc functions.
import type { Column, Relation, SchemaCache } from './schema-cache.ts';

function jsonType(udt: string, type: string): { type?: string; items?: { type: string } } {
  if (type.endsWith('[]')) return { type: 'array', items: { type: jsonType(udt.replace(/^_/, ''), type.slice(0, -2)).type ?? 'string' } };
  if (['int2', 'int4', 'int8', 'smallint', 'integer', 'bigint'].includes(udt)) return { type: 'integer' };
  if (['numeric', 'float4', 'float8'].includes(udt)) return { type: 'number' };
  if (udt === 'bool') return { type: 'boolean' };
  if (udt === 'json' || udt === 'jsonb') return {};
  return { type: 'string' };
}

function property(cache: SchemaCache, rel: Relation, col: Column): Record<string, unknown> {
  const notes: string[] = [];
  if (rel.pk.includes(col.name)) notes.push('Note:\nThis is a Primary Key.<pk/>');
  for (const fk of cache.foreignKeys) {
    const i = fk.columns.indexOf(col.name);
    if (fk.from.schema === rel.schema && fk.from.name === rel.name && i >= 0 && fk.columns.length === 1) {
      notes.push(`Note:\nThis is a Foreign Key to \`${fk.to.name}.${fk.refColumns[i]}\`.<fk table='${fk.to.name}' column='${fk.refColumns[i]}'/>`);
    }
  }
  const description = [col.description, ...notes].filter(Boolean).join('\n\n');
  const prop: Record<string, unknown> = { ...jsonType(col.udt, col.type), format: col.format ?? col.type };
  if (col.default !== null) prop.default = col.default;
  if (col.enumValues.length) prop.enum = col.enumValues;
  if (col.maxLength !== null) prop.maxLength = col.maxLength;
  if (description) prop.description = description;
  return prop;
}

/** `visible`: `schema.name` of relations and `fn:schema.name` of functions the caller may use. */
export function openApiDocument(cache: SchemaCache, schema: string, apiUrl: string, visible?: Set<string>): Record<string, unknown> {
  const rels = [...cache.relations.values()]
    .filter((r) => r.schema === schema && (!visible || visible.has(`${r.schema}.${r.name}`)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const definitions: Record<string, unknown> = {};
  const paths: Record<string, unknown> = { '/': { get: { produces: ['application/openapi+json', 'application/json'], responses: { '200': { description: 'OK' } }, summary: 'OpenAPI description (this document)', tags: ['Introspection'] } } };
  for (const rel of rels) {
    const cols = [...rel.columns.values()].sort((a, b) => a.position - b.position);
    definitions[rel.name] = {
      ...(rel.description ? { description: rel.description } : {}),
      required: cols.filter((c) => !c.nullable && c.default === null && !c.generated && !c.identity).map((c) => c.name),
      properties: Object.fromEntries(cols.map((c) => [c.name, property(cache, rel, c)])),
      type: 'object',
    };
    const ops: Record<string, unknown> = {
      get: { tags: [rel.name], ...(rel.description ? { summary: rel.description } : {}), responses: { '200': { description: 'OK', schema: { type: 'array', items: { $ref: `#/definitions/${rel.name}` } } }, '206': { description: 'Partial Content' } } },
    };
    if (rel.insertable) ops.post = { tags: [rel.name], responses: { '201': { description: 'Created' } } };
    if (rel.updatable) ops.patch = { tags: [rel.name], responses: { '204': { description: 'No Content' } } };
    if (rel.deletable) ops.delete = { tags: [rel.name], responses: { '204': { description: 'No Content' } } };
    paths[`/${rel.name}`] = ops;
  }
  for (const [, fns] of cache.functions) {
    for (const fn of fns) {
      if (fn.schema !== schema || (visible && !visible.has(`fn:${fn.schema}.${fn.name}`))) continue;
      const props = Object.fromEntries(fn.params.filter((p) => p.name).map((p) => [p.name, { format: p.type, ...jsonType(p.type, p.type) }]));
      const args = { required: ['args'], in: 'body', name: 'args', schema: { type: 'object', required: fn.params.filter((p) => p.name && !p.hasDefault).map((p) => p.name), properties: props } };
      paths[`/rpc/${fn.name}`] = {
        post: { tags: ['(rpc) ' + fn.name], ...(fn.description ? { summary: fn.description } : {}), parameters: [args], produces: ['application/json', 'application/vnd.pgrst.object+json'], responses: { '200': { description: 'OK' } } },
      };
    }
  }
  const url = new URL(apiUrl);
  return {
    swagger: '2.0',
    info: { description: '', title: 'standard public schema', version: '14.1' },
    host: url.host,
    basePath: '/',
    schemes: [url.protocol.replace(':', '')],
    consumes: ['application/json', 'application/vnd.pgrst.object+json;nulls=stripped', 'application/vnd.pgrst.object+json', 'text/csv'],
    produces: ['application/json', 'application/vnd.pgrst.object+json;nulls=stripped', 'application/vnd.pgrst.object+json', 'text/csv'],
    paths,
    definitions,
    parameters: {},
  };
}
