// Validation of a step condition as the engine reads it (private.condition_holds):
// {"field", "op", "value"} or {"all" | "any": [conditions]}. Returns an i18n key for the problem.
const NUMBER_OPS = ['>', '>=', '<', '<=', '=', '<>'];
const TEXT_OPS = ['=', '<>', 'in'];

export function conditionProblem(node: unknown): string | null {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return 'workflow_definitions.errors.conditionObject';
  const o = node as Record<string, unknown>;
  for (const group of ['all', 'any']) {
    if (group in o) {
      const list = o[group];
      if (!Array.isArray(list) || list.length === 0) return 'workflow_definitions.errors.conditionList';
      for (const c of list) {
        const problem = conditionProblem(c);
        if (problem) return problem;
      }
      return null;
    }
  }
  if (typeof o.field !== 'string' || !/^[a-z_][a-z0-9_]*$/.test(o.field)) return 'workflow_definitions.errors.conditionField';
  if (typeof o.op !== 'string') return 'workflow_definitions.errors.conditionOp';
  if (typeof o.value === 'number') return NUMBER_OPS.includes(o.op) ? null : 'workflow_definitions.errors.conditionOp';
  if (o.op === 'in') return Array.isArray(o.value) ? null : 'workflow_definitions.errors.conditionIn';
  if (!TEXT_OPS.includes(o.op)) return 'workflow_definitions.errors.conditionOp';
  return typeof o.value === 'string' || typeof o.value === 'boolean' ? null : 'workflow_definitions.errors.conditionValue';
}

/** Parses the text of the condition field: empty = no condition. Throws an i18n key. */
export function parseCondition(text: string | undefined | null): object | null {
  if (!text || !text.trim()) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw 'workflow_definitions.errors.conditionJson';
  }
  const problem = conditionProblem(parsed);
  if (problem) throw problem;
  return parsed as object;
}
