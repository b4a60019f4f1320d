// Server-side paging for the grid: the row count, and windows of rows fetched by range (pages of
// PAGE_SIZE through the data provider, with the current filters and sort) as the user scrolls.
// Rows not fetched yet are placeholders, so the grid can virtualise over the full count.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDataProvider, type CrudFilter, type CrudSort } from '@refinedev/core';
import type { TableInfo } from '../../providers/table-schema.ts';

export const PAGE_SIZE = 100;

export type Row = Record<string, unknown>;
/** One grid row: its position in the result, and its data once fetched. */
export interface RowSlot {
  index: number;
  data?: Row;
}

export function useTableWindow(table: TableInfo, filters: CrudFilter[], sorters: CrudSort[]) {
  const getDataProvider = useDataProvider();
  const pages = useRef(new Map<number, Row[] | Promise<void>>());
  const [total, setTotal] = useState<number>();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);

  // Sort by the primary key last, so pages are stable.
  const order = useMemo(
    () => [...sorters, ...table.primaryKey.filter((k) => !sorters.some((s) => s.field === k)).map((field) => ({ field, order: 'asc' as const }))],
    [sorters, table.primaryKey],
  );

  const loadPage = useCallback(
    (page: number) => {
      if (pages.current.has(page)) return;
      const gen = generation.current;
      const request = getDataProvider()
        .getList<Row>({
          resource: table.name,
          pagination: { currentPage: page + 1, pageSize: PAGE_SIZE, mode: 'server' },
          filters,
          sorters: order,
          meta: { select: '*' },
        })
        .then(({ data, total: count }) => {
          if (gen !== generation.current) return;
          pages.current.set(page, data);
          setTotal(count);
          setVersion((v) => v + 1);
        })
        .catch((e: unknown) => {
          if (gen !== generation.current) return;
          pages.current.delete(page);
          setError(e);
        });
      pages.current.set(page, request);
    },
    [getDataProvider, table.name, filters, order],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    pages.current = new Map();
    setError(undefined);
    setTotal(undefined);
    setVersion((v) => v + 1);
    loadPage(0);
  }, [loadPage]);

  useEffect(reload, [reload]);

  /** Makes sure rows first..last (inclusive) are fetched or on their way. */
  const ensureRange = useCallback(
    (first: number, last: number) => {
      const end = Math.min(last, (total ?? PAGE_SIZE) - 1);
      for (let p = Math.floor(Math.max(0, first) / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) loadPage(p);
    },
    [loadPage, total],
  );

  /** Replaces fetched rows by their position (after an edit came back from the database). */
  const replaceRows = useCallback((updates: { index: number; data: Row }[]) => {
    for (const { index, data } of updates) {
      const page = pages.current.get(Math.floor(index / PAGE_SIZE));
      if (Array.isArray(page)) page[index % PAGE_SIZE] = data;
    }
    setVersion((v) => v + 1);
  }, []);

  const rows = useMemo<RowSlot[]>(() => {
    void version;
    return Array.from({ length: total ?? 0 }, (_, index) => {
      const page = pages.current.get(Math.floor(index / PAGE_SIZE));
      return { index, data: Array.isArray(page) ? page[index % PAGE_SIZE] : undefined };
    });
  }, [total, version]);

  return { rows, total, error, ensureRange, replaceRows, reload };
}
