// Finds how an embedded resource relates to its parent, as PostgREST does: many-to-one and
// one-to-many through a foreign key (tables or views showing the key's columns), one-to-one when
// the key's columns are the primary key, many-to-many through a junction whose primary key holds
// both keys; a hint (`!fk_name`, `!column`, `!junction`) picks among several.
import { RestError } from './errors.ts';
import { relKey, type ForeignKey, type Relation, type SchemaCache } from './schema-cache.ts';

export type Cardinality = 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';

export interface Relationship {
  cardinality: Cardinality;
  target: Relation;
  /** Join condition pairs: parent column = target column (for m2m: via the junction). */
  parentColumns: string[];
  targetColumns: string[];
  fkName: string;
  junction?: {
    rel: Relation;
    /** junction columns pointing at the parent / at the target. */
    parentSide: { junctionColumns: string[]; parentColumns: string[]; fkName: string };
    targetSide: { junctionColumns: string[]; targetColumns: string[]; fkName: string };
  };
}

export const isToOne = (r: Relationship) => r.cardinality === 'many-to-one' || r.cardinality === 'one-to-one';

const same = (a: { schema: string; name: string }, b: { schema: string; name: string }) =>
  a.schema === b.schema && a.name === b.name;
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

function candidates(cache: SchemaCache, parent: Relation, target: Relation): Relationship[] {
  const out: Relationship[] = [];
  for (const fk of cache.foreignKeys) {
    if (same(fk.from, parent) && same(fk.to, target)) {
      out.push({
        cardinality: sameSet(fk.columns, parent.pk) ? 'one-to-one' : 'many-to-one',
        target,
        parentColumns: fk.columns,
        targetColumns: fk.refColumns,
        fkName: fk.name,
      });
    }
    if (same(fk.from, target) && same(fk.to, parent)) {
      out.push({
        cardinality: sameSet(fk.columns, target.pk) ? 'one-to-one' : 'one-to-many',
        target,
        parentColumns: fk.refColumns,
        targetColumns: fk.columns,
        fkName: fk.name,
      });
    }
  }
  // Many-to-many: a junction with keys to both, whose columns are part of its primary key.
  const byJunction = new Map<string, ForeignKey[]>();
  for (const fk of cache.foreignKeys) {
    const k = relKey(fk.from.schema, fk.from.name);
    byJunction.set(k, [...(byJunction.get(k) ?? []), fk]);
  }
  for (const [k, fks] of byJunction) {
    const junction = cache.relations.get(k);
    if (!junction || same(junction, parent) || same(junction, target)) continue;
    const inPk = (fk: ForeignKey) => fk.columns.every((c) => junction.pk.includes(c));
    for (const a of fks) {
      if (!same(a.to, parent) || !inPk(a)) continue;
      for (const b of fks) {
        if (b === a || !same(b.to, target) || !inPk(b)) continue;
        out.push({
          cardinality: 'many-to-many',
          target,
          parentColumns: a.refColumns,
          targetColumns: b.refColumns,
          fkName: b.name,
          junction: {
            rel: junction,
            parentSide: { junctionColumns: a.columns, parentColumns: a.refColumns, fkName: a.name },
            targetSide: { junctionColumns: b.columns, targetColumns: b.refColumns, fkName: b.name },
          },
        });
      }
    }
  }
  return out;
}

function matchesHint(r: Relationship, hint: string): boolean {
  if (r.fkName === hint) return true;
  if (r.junction) {
    return r.junction.rel.name === hint || r.junction.parentSide.fkName === hint;
  }
  // A column of either side of the key.
  return r.parentColumns.includes(hint) || r.targetColumns.includes(hint);
}

function describe(parent: Relation, r: Relationship) {
  const cols = (rel: Relation, c: string[]) => `${rel.schema}.${rel.name}(${c.join(', ')})`;
  const relationship = r.junction
    ? `${r.junction.parentSide.fkName}[${r.junction.parentSide.junctionColumns.join(', ')}][${r.junction.parentSide.parentColumns.join(', ')}] and ${r.junction.targetSide.fkName}[${r.junction.targetSide.junctionColumns.join(', ')}][${r.junction.targetSide.targetColumns.join(', ')}] using ${r.junction.rel.schema}.${r.junction.rel.name}`
    : `${r.fkName} using ${cols(parent, r.parentColumns)} and ${cols(r.target, r.targetColumns)}`;
  return { cardinality: r.cardinality, embedding: `${parent.name} with ${r.target.name}`, relationship };
}

/**
 * The relationship for `name!hint` embedded under parent. `name` is a relation of the parent's
 * schema, or a foreign key column / constraint name of the parent (then the target is the key's).
 */
export function findRelationship(cache: SchemaCache, parent: Relation, name: string, hint?: string): Relationship {
  let list: Relationship[] = [];
  const target = cache.relations.get(relKey(parent.schema, name));
  if (target) list = candidates(cache, parent, target);
  if (!target || !list.length) {
    // `client_id(*)` or `fk_name(*)`: the many-to-one key named by a column or the constraint.
    for (const fk of cache.foreignKeys) {
      if (!same(fk.from, parent)) continue;
      if (fk.name === name || (fk.columns.length === 1 && fk.columns[0] === name)) {
        const to = cache.relations.get(relKey(fk.to.schema, fk.to.name));
        if (to) list.push(...candidates(cache, parent, to).filter((r) => r.fkName === fk.name && r.parentColumns === fk.columns));
      }
    }
  }
  if (hint !== undefined) list = list.filter((r) => matchesHint(r, hint));
  if (list.length === 1) return list[0];
  if (list.length === 0) {
    const hinted = hint !== undefined;
    return notFound(cache, parent, name, hinted ? hint : undefined);
  }
  // Several: prefer a direct key over many-to-many if the name is the target itself? PostgREST asks.
  throw new RestError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${parent.name}' and '${name}'`,
    list.map((r) => describe(parent, r)),
    `Try changing '${name}' to one of the following: ${list.map((r) => `'${name}!${r.junction ? r.junction.rel.name : r.fkName}'`).join(', ')}. Find the desired relationship in the 'details' key.`,
  );
}

function notFound(cache: SchemaCache, parent: Relation, name: string, hint?: string): never {
  const related = new Set<string>();
  for (const fk of cache.foreignKeys) {
    if (same(fk.from, parent)) related.add(fk.to.name);
    if (same(fk.to, parent)) related.add(fk.from.name);
  }
  const suggestion = [...related].find((r) => r.toLowerCase().includes(name.toLowerCase()) || name.toLowerCase().includes(r.toLowerCase()));
  throw new RestError(
    400,
    'PGRST200',
    `Could not find a relationship between '${parent.name}' and '${name}' in the schema cache`,
    hint !== undefined
      ? `Searched for a foreign key relationship between '${parent.name}' and '${name}' in the schema '${parent.schema}', but no matches were found.`
      : `Searched for a foreign key relationship between '${parent.name}' and '${name}' in the schema '${parent.schema}', but no matches were found.`,
    suggestion ? `Perhaps you meant '${suggestion}' instead of '${name}'.` : null,
  );
}
