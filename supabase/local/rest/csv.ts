// CSV (RFC 4180) both ways: request bodies to rows (first line = column names, empty unquoted
// field = NULL as PostgREST reads it), and rows to a `text/csv` response.
import { invalidBody } from './errors.ts';

export function parseCsv(text: string): Record<string, unknown>[] {
  const records: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let i = 0;
  const endField = () => {
    row.push(!wasQuoted && field === '' ? null : field);
    field = '';
    wasQuoted = false;
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      endField();
      records.push(row);
      row = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (quoted) throw invalidBody('Error in $: unterminated quoted field');
  if (field !== '' || wasQuoted || row.length) {
    endField();
    records.push(row);
  }
  const [header, ...data] = records.filter((r) => !(r.length === 1 && r[0] === null));
  if (!header) return [];
  return data.map((r) => {
    if (r.length !== header.length) throw invalidBody('All lines must have same number of fields');
    return Object.fromEntries(header.map((h, j) => [h ?? '', r[j]]));
  });
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return lines.join('\n');
}
