// Resolves a parsed request against the schema cache (pure): every name is checked here, so the
// SQL builder only quotes names the cache knows.
import { RestError, undefinedColumn } from './errors.ts';
import type { Field } from './field-grammar.ts';
import type { FilterNode, LogicNode, OrderTerm } from './filter-grammar.ts';
import { findRelationship, isToOne, type Relationship } from './relationships.ts';
import type { EmbedParams, RequestParams } from './request-params.ts';
import type { Column, Relation, SchemaCache } from './schema-cache.ts';
import type { SelectItem } from './select-grammar.ts';
import { castType } from './casts.ts';

export interface ColumnRef {
  column: Column;
  jsonPath: Field['jsonPath'];
  /** A computed field: the function called with the row. */
  computed?: { schema: string; function: string; owner: { schema: string; name: string } };
}

export type OutputItem =
  | { kind: 'column'; ref: ColumnRef; cast?: string; label: string }
  | { kind: 'count'; label: string }
  | { kind: 'embed'; embed: EmbedPlan }
  | { kind: 'spread'; embed: EmbedPlan; ref: ColumnRef; cast?: string; label: string };

export type Where =
  | { kind: 'filter'; ref: ColumnRef; cond: FilterNode['cond'] }
  | { kind: 'logic'; op: 'and' | 'or'; negate: boolean; children: Where[] }
  /** `embed=is.null` / `embed=not.is.null`: whether the embedded resource has a row. */
  | { kind: 'embed-null'; embed: EmbedPlan; isNull: boolean };

export interface ResolvedOrder {
  /** A to-one embed the column belongs to. */
  embed?: EmbedPlan;
  ref: ColumnRef;
  direction?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

export interface ReadPlan {
  rel: Relation;
  /** SQL alias of this level's relation. */
  alias: string;
  output: OutputItem[];
  embeds: EmbedPlan[];
  where: Where[];
  order: ResolvedOrder[];
  limit?: number;
  offset?: number;
  /** Whether count() is mixed with plain columns (they become GROUP BY). */
  groupBy: ColumnRef[];
}

export interface EmbedPlan {
  label: string;
  relationship: Relationship;
  plan: ReadPlan;
  inner: boolean;
  toOne: boolean;
}

interface Ctx {
  cache: SchemaCache;
  levels: Map<string, EmbedParams>;
  aliasCount: number;
}

export function planRead(cache: SchemaCache, rel: Relation, params: RequestParams, alias = rel.name): ReadPlan {
  const ctx: Ctx = { cache, levels: params.levels, aliasCount: 0 };
  const plan = planLevel(ctx, rel, alias, params.select, '');
  // Every embed path named by a parameter must exist.
  for (const path of params.levels.keys()) {
    if (path && !findByPath(plan, path.split('.'))) {
      const name = path.split('.').pop()!;
      throw new RestError(
        400,
        'PGRST108',
        `'${name}' is not an embedded resource in this request`,
        null,
        `Verify that '${name}' is included in the 'select' query parameter.`,
      );
    }
  }
  return plan;
}

function findByPath(plan: ReadPlan, path: string[]): ReadPlan | undefined {
  const [head, ...rest] = path;
  const e = plan.embeds.find((x) => x.label === head);
  if (!e) return undefined;
  return rest.length ? findByPath(e.plan, rest) : e.plan;
}

export function columnRef(rel: Relation, field: Field): ColumnRef {
  const column = rel.columns.get(field.name);
  if (column) return { column, jsonPath: field.jsonPath };
  const computed = rel.computed.get(field.name);
  if (computed) return { column: computed.column, jsonPath: field.jsonPath, computed: { schema: computed.schema, function: computed.function, owner: computed.owner } };
  throw undefinedColumn(rel.name, field.name);
}

function label(field: Field): string {
  return field.jsonPath.length ? field.jsonPath[field.jsonPath.length - 1].key : field.name;
}

function planLevel(ctx: Ctx, rel: Relation, alias: string, select: SelectItem[], path: string): ReadPlan {
  const params = ctx.levels.get(path) ?? { filters: [] };
  const plan: ReadPlan = { rel, alias, output: [], embeds: [], where: [], order: [], groupBy: [] };
  let hasCount = false;
  for (const item of select) {
    if (item.type === 'star') {
      for (const column of rel.columns.values()) plan.output.push({ kind: 'column', ref: { column, jsonPath: [] }, label: column.name });
    } else if (item.type === 'column' && isBareCount(rel, item)) {
      // `books(count)`: PostgREST reads a bare `count` that is not a column as count().
      hasCount = true;
      plan.output.push({ kind: 'count', label: item.alias ?? 'count' });
    } else if (item.type === 'column') {
      const ref = columnRef(rel, item.field);
      plan.output.push({ kind: 'column', ref, cast: item.cast && castType(item.cast), label: item.alias ?? label(item.field) });
    } else if (item.type === 'count') {
      // count() is an aggregate: off unless PostgREST's db-aggregates-enabled is set.
      if (!ctx.cache.aggregatesEnabled) throw new RestError(400, 'PGRST123', 'Use of aggregate functions is not allowed');
      hasCount = true;
      plan.output.push({ kind: 'count', label: item.alias ?? 'count' });
    } else {
      const relationship = findRelationship(ctx.cache, rel, item.name, item.hint);
      const embedLabel = item.alias ?? item.name;
      const child = planLevel(ctx, relationship.target, `pgrst_${++ctx.aliasCount}_${relationship.target.name}`, item.children, path ? `${path}.${embedLabel}` : embedLabel);
      const embed: EmbedPlan = { label: embedLabel, relationship, plan: child, inner: item.joinType === 'inner', toOne: isToOne(relationship) };
      plan.embeds.push(embed);
      if (item.spread) {
        if (!embed.toOne) {
          throw new RestError(400, 'PGRST119', `A spread operation on '${item.name}' is not possible`, "'" + rel.name + "' and '" + item.name + "' do not form a many-to-one or one-to-one relationship");
        }
        for (const o of child.output) {
          if (o.kind === 'column') plan.output.push({ kind: 'spread', embed, ref: o.ref, cast: o.cast, label: o.label });
        }
      } else {
        plan.output.push({ kind: 'embed', embed });
      }
    }
  }
  if (hasCount) plan.groupBy = plan.output.flatMap((o) => (o.kind === 'column' ? [o.ref] : []));
  for (const f of params.filters) plan.where.push(resolveWhere(plan, f));
  for (const o of params.order ?? []) plan.order.push(resolveOrder(plan, o));
  plan.limit = params.limit;
  plan.offset = params.offset;
  return plan;
}

function isBareCount(rel: Relation, item: Extract<SelectItem, { type: 'column' }>): boolean {
  return item.field.name === 'count' && !item.field.jsonPath.length && !item.cast && !rel.columns.has('count') && !rel.computed.has('count');
}

function resolveWhere(plan: ReadPlan, node: FilterNode | LogicNode): Where {
  if (node.type === 'logic') {
    return { kind: 'logic', op: node.op, negate: node.negate, children: node.children.map((c) => resolveWhere(plan, c)) };
  }
  const embed = plan.embeds.find((e) => e.label === node.field.name);
  if (embed && !plan.rel.columns.has(node.field.name) && node.cond.op === 'is' && !node.field.jsonPath.length) {
    const isNull = node.cond.value === 'null' ? !node.cond.negate : node.cond.value === 'not_null' ? node.cond.negate : undefined;
    if (isNull !== undefined) return { kind: 'embed-null', embed, isNull };
  }
  return { kind: 'filter', ref: columnRef(plan.rel, node.field), cond: node.cond };
}

function resolveOrder(plan: ReadPlan, term: OrderTerm): ResolvedOrder {
  if (term.relation !== undefined) {
    const embed = plan.embeds.find((e) => e.label === term.relation);
    if (!embed) {
      throw new RestError(400, 'PGRST108', `'${term.relation}' is not an embedded resource in this request`, null, `Verify that '${term.relation}' is included in the 'select' query parameter.`);
    }
    if (!embed.toOne) {
      throw new RestError(400, 'PGRST118', `A related order on '${embed.relationship.target.name}' is not possible`, `'${plan.rel.name}' and '${embed.relationship.target.name}' do not form a many-to-one or one-to-one relationship`);
    }
    return { embed, ref: columnRef(embed.plan.rel, term.field), direction: term.direction, nulls: term.nulls };
  }
  return { ref: columnRef(plan.rel, term.field), direction: term.direction, nulls: term.nulls };
}
