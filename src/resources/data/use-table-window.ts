// Server-side paging for the grid: the row count, and windows of rows fetched by range (pages of
// PAGE_SIZE with the current filters and sort) as the user scrolls.
// Rows not fetched yet are placeholders, so the grid can virtualise over the full count.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CrudFilter, CrudSort } from '@refinedev/core';
import { supabase } from '../../providers/supabase-client.ts';
import type { TableInfo } from '../../providers/table-schema.ts';

export const PAGE_SIZE = 100;

export type Row = Record<string, unknown>;
/** One grid row: its position in the result, and its data once fetched. */
export interface RowSlot {
  index: number;
  data?: Row;
}

/**
 * One page of rows. The first page also counts the rows (exactly); later pages do not count at
 * all: a planner estimate could be below the page's offset, which PostgREST answers with 416.
 */
async function fetchPage(table: string, filters: CrudFilter[], order: CrudSort[], page: number): Promise<{ data: Row[]; count: number }> {
  let query = supabase.from(table).select('*', page === 0 ? { count: 'exact' } : {});
  for (const f of filters) {
    if (!('field' in f)) continue;
    query = f.operator === 'contains' ? query.ilike(f.field, `%${String(f.value)}%`) : query.eq(f.field, f.value);
  }
  for (const s of order) query = query.order(s.field, { ascending: s.order === 'asc' });
  const { data, count, error } = await query.range(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1);
  if (error) throw error;
  return { data: data as Row[], count: count ?? 0 };
}

export function useTableWindow(table: TableInfo, filters: CrudFilter[], sorters: CrudSort[]) {
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
      const request = fetchPage(table.name, filters, order, page)
        .then(({ data, count }) => {
          if (gen !== generation.current) return;
          pages.current.set(page, data);
          if (page === 0) setTotal(count);
          setVersion((v) => v + 1);
        })
        .catch((e: unknown) => {
          if (gen !== generation.current) return;
          pages.current.delete(page);
          setError(e);
        });
      pages.current.set(page, request);
    },
    [table.name, filters, order],
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
