// Every record the list's current filters and sort select, page by page through the data provider
// (PostgREST caps a response at max_rows, 1000), refusing more than `cap` records. Pages are handed
// on as they arrive, so an export appends them instead of holding one giant response.
import type { BaseRecord, CrudFilter, CrudSort, DataProvider, MetaQuery } from '@refinedev/core';

export const EXPORT_PAGE_SIZE = 1000;
export const EXPORT_CAP = 50000;

/** Thrown when the filter selects more records than an export may hold. */
export class ExportCapError extends Error {
  constructor(public readonly total: number, public readonly cap: number) {
    super(`export of ${total} records exceeds the cap of ${cap}`);
  }
}

export interface ExportQuery {
  resource: string;
  filters?: CrudFilter[];
  sorters?: CrudSort[];
  meta?: MetaQuery;
  /** Columns that identify a row, the last sort keys of every page (default: id). */
  uniqueKey?: readonly string[];
}

interface PageOptions {
  pageSize?: number;
  cap?: number;
}

/**
 * The list's sort plus the unique key as the last keys: pages cut by offset need a total order, or
 * rows with equal sort values could land on two pages or on none.
 */
export function stableSorters(sorters: CrudSort[] = [], uniqueKey: readonly string[] = ['id']): CrudSort[] {
  const missing = uniqueKey.filter((k) => !sorters.some((s) => s.field === k));
  return missing.length ? [...sorters, ...missing.map((field): CrudSort => ({ field, order: 'asc' }))] : sorters;
}

/** Calls `onPage` with each page in order, with the running count and the total. */
export async function forEachPage<T extends BaseRecord>(
  getList: DataProvider['getList'],
  query: ExportQuery,
  onPage: (records: T[], done: number, total: number) => void | Promise<void>,
  { pageSize = EXPORT_PAGE_SIZE, cap = EXPORT_CAP }: PageOptions = {},
): Promise<number> {
  const sorters = stableSorters(query.sorters, query.uniqueKey);
  let done = 0;
  for (let currentPage = 1; ; currentPage++) {
    const { data, total } = await getList<T>({
      resource: query.resource,
      filters: query.filters,
      sorters,
      meta: query.meta,
      pagination: { currentPage, pageSize, mode: 'server' },
    });
    if (total > cap) throw new ExportCapError(total, cap);
    done += data.length;
    await onPage(data, done, total);
    if (data.length < pageSize || done >= total) return done;
  }
}

export async function fetchAllRecords<T extends BaseRecord>(getList: DataProvider['getList'], query: ExportQuery, options: PageOptions = {}): Promise<T[]> {
  const records: T[] = [];
  await forEachPage<T>(getList, query, (page) => void records.push(...page), options);
  return records;
}
