// How an embedded resource joins its parent: the FROM item and the correlation condition.
import type { EmbedPlan, ReadPlan } from './plan.ts';
import { ident, qualified } from './sql-text.ts';

export function embedFrom(e: EmbedPlan): string {
  const rel = e.plan.rel;
  return `${qualified(rel.schema, rel.name)} as ${ident(e.plan.alias)}`;
}

export function joinCondition(parent: ReadPlan, e: EmbedPlan): string {
  const r = e.relationship;
  const child = e.plan.alias;
  if (r.junction) {
    const j = r.junction;
    const jAlias = ident(`${child}_junction`);
    const toParent = j.parentSide.junctionColumns.map((c, i) => `${jAlias}.${ident(c)} = ${ident(parent.alias)}.${ident(j.parentSide.parentColumns[i])}`);
    const toTarget = j.targetSide.junctionColumns.map((c, i) => `${jAlias}.${ident(c)} = ${ident(child)}.${ident(j.targetSide.targetColumns[i])}`);
    return `exists (select 1 from ${qualified(j.rel.schema, j.rel.name)} as ${jAlias} where ${[...toParent, ...toTarget].join(' and ')})`;
  }
  return r.parentColumns.map((c, i) => `${ident(child)}.${ident(r.targetColumns[i])} = ${ident(parent.alias)}.${ident(c)}`).join(' and ');
}
