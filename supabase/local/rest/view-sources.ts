// Which base-table column each view column shows, read from the view's `_RETURN` rule (the
// pg_node_tree text of its query): a top-level TARGETENTRY carries `resname`, `resorigtbl` and
// `resorigcol` when the output is a plain column of a table.
export interface ViewColumnSource {
  name: string;
  table: number;
  column: number;
}

export function viewColumnSources(action: string): ViewColumnSource[] {
  // Only the outer query's target list: it is the first `:targetList` in the rule's action.
  const start = action.indexOf(':targetList');
  if (start < 0) return [];
  const out: ViewColumnSource[] = [];
  const re = /\{TARGETENTRY .*?:resname ((?:\\.|[^\s\\])+) :ressortgroupref \d+ :resorigtbl (\d+) :resorigcol (\d+) :resjunk (\w+)\}/g;
  const end = targetListEnd(action, start);
  re.lastIndex = start;
  for (let m = re.exec(action); m && m.index < end; m = re.exec(action)) {
    if (m[4] === 'true' || m[2] === '0') continue;
    out.push({ name: unescapeName(m[1]), table: Number(m[2]), column: Number(m[3]) });
  }
  return out;
}

/** The index where the target list's parenthesised node list closes. */
function targetListEnd(s: string, start: number): number {
  let i = s.indexOf('(', start);
  if (i < 0) return s.length;
  let depth = 0;
  for (; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return s.length;
}

function unescapeName(raw: string): string {
  return raw.replace(/\\(.)/g, '$1');
}
