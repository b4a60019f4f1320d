// Every record the list's current filters and sort select, page by page through the data provider
// (PostgREST caps a response at max_rows, 1000), refusing more than `cap` records.
import type { BaseRecord, CrudFilter, CrudSort, DataProvider, MetaQuery } from '@refinedev/core';

export const EXPORT_PAGE_SIZE = 1000;
export const EXPORT_CAP = 10000;

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
}

export async function fetchAllRecords<T extends BaseRecord>(
  getList: DataProvider['getList'],
  query: ExportQuery,
  { pageSize = EXPORT_PAGE_SIZE, cap = EXPORT_CAP } = {},
): Promise<T[]> {
  const records: T[] = [];
  for (let currentPage = 1; ; currentPage++) {
    const { data, total } = await getList<T>({
      resource: query.resource,
      filters: query.filters,
      sorters: query.sorters,
      meta: query.meta,
      pagination: { currentPage, pageSize, mode: 'server' },
    });
    if (total > cap) throw new ExportCapError(total, cap);
    records.push(...data);
    if (data.length < pageSize || records.length >= total) return records;
  }
}
