// The SQL behind list-v2, run as the caller (RLS decides what is listed). Flat listing returns
// objects whose key starts with the prefix; delimited listing folds every key that goes deeper than
// the prefix into one folder row (id null) named by its first segment. Rows come in the requested
// order, after the cursor's position, one page plus one (the extra row tells there is a next page).
import type { DbSession } from '../db/types.ts';

export type SortColumn = 'name' | 'created_at' | 'updated_at';
export type SortOrder = 'asc' | 'desc';

export interface ListV2Query {
  bucket: string;
  prefix: string;
  delimited: boolean;
  /** Rows to fetch (page size + 1). */
  fetch: number;
  sortColumn: SortColumn;
  sortOrder: SortOrder;
  /** Name of the last entry of the previous page ('' for the first page). */
  startAfter: string;
  /** The sort column's value on that entry (timestamp sorts only). */
  sortColumnAfter?: string;
}

export interface ListV2Row {
  key?: string;
  name: string;
  id: string | null;
  updated_at: string | null;
  created_at: string | null;
  last_accessed_at: string | null;
  metadata: unknown;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Position after the cursor: a timestamp sort compares (time to the millisecond, name). */
function afterCursor(q: ListV2Query, values: unknown[], nameExpr: string): string | undefined {
  if (!q.startAfter) return undefined;
  const op = q.sortOrder === 'asc' ? '>' : '<';
  if (q.sortColumn === 'name') {
    values.push(q.startAfter);
    return `${nameExpr} collate "C" ${op} $${values.length}`;
  }
  values.push(q.sortColumnAfter ?? '', q.startAfter);
  return `row(date_trunc('milliseconds', ${q.sortColumn}), name collate "C") ${op}
    row(coalesce(nullif($${values.length - 1}, '')::timestamptz, 'epoch'::timestamptz), $${values.length})`;
}

function orderBy(q: ListV2Query, nameExpr: string): string {
  const byName = `${nameExpr} collate "C" ${q.sortOrder}`;
  if (q.sortColumn === 'name') return byName;
  return `coalesce(date_trunc('milliseconds', ${q.sortColumn}), 'epoch'::timestamptz) ${q.sortOrder}, ${byName}`;
}

async function listFlat(tx: DbSession, q: ListV2Query): Promise<ListV2Row[]> {
  const values: unknown[] = [q.bucket, q.fetch, `${escapeLike(q.prefix)}%`];
  const where = ['bucket_id = $1', `name collate "C" like $3`];
  // A timestamp cursor without its time resumes by name alone, as Storage's flat listing does.
  const cursor = afterCursor(q.sortColumnAfter ? q : { ...q, sortColumn: 'name' }, values, 'name');
  if (cursor) where.push(cursor);
  const { rows } = await tx.query<ListV2Row>(
    `select id, name, metadata, updated_at, created_at, last_accessed_at from storage.objects
      where ${where.join(' and ')} order by ${orderBy(q, 'name')} limit $2`,
    values,
  );
  return rows;
}

async function listDelimited(tx: DbSession, q: ListV2Query): Promise<ListV2Row[]> {
  const levels = q.prefix ? q.prefix.split('/').length : 1;
  const values: unknown[] = [q.bucket, q.fetch, `${escapeLike(q.prefix)}%`, q.prefix.length, levels];
  // By name a folder sorts where its keys do ("a/" after "a.txt"); a cursor on a folder resumes
  // after everything inside it.
  const sortName = q.sortColumn === 'name' ? `(case when id is null then name || '/' else name end)` : 'name';
  let cursor: string | undefined;
  if (q.sortColumn === 'name' && q.startAfter) {
    values.push(q.startAfter, `${escapeLike(q.startAfter)}/%`);
    const n = values.length;
    cursor = `${sortName} collate "C" ${q.sortOrder === 'asc' ? '>' : '<'}
      (case when exists (select 1 from storage.objects o where o.bucket_id = $1 and o.name collate "C" like $${n})
        then $${n - 1} || '/' else $${n - 1} end)`;
  } else {
    cursor = afterCursor(q, values, 'name');
  }
  // Folders sorted by time take their first object's creation time (Storage does the same).
  const folderTime = q.sortColumn === 'name' ? 'null::timestamptz' : 'min(created_at)';
  const { rows } = await tx.query<ListV2Row>(
    `with under_prefix as (
       select name, id, updated_at, created_at, last_accessed_at, metadata,
              position('/' in substr(name, $4 + 1)) as cut
         from storage.objects where bucket_id = $1 and name collate "C" like $3
     ), entries as (
       select left(name, $4 + cut - 1) as name, null::uuid as id, ${folderTime} as updated_at,
              ${folderTime} as created_at, null::timestamptz as last_accessed_at, null::jsonb as metadata
         from under_prefix where cut > 0 group by left(name, $4 + cut - 1)
       union all
       select name, id, updated_at, created_at, last_accessed_at, metadata from under_prefix where cut = 0
     )
     select split_part(name, '/', $5) as key, name, id, updated_at, created_at, last_accessed_at, metadata
       from entries ${cursor ? `where ${cursor}` : ''}
      order by ${orderBy(q, sortName)} limit $2`,
    values,
  );
  return rows;
}

export function listV2Rows(tx: DbSession, q: ListV2Query): Promise<ListV2Row[]> {
  return q.delimited ? listDelimited(tx, q) : listFlat(tx, q);
}
