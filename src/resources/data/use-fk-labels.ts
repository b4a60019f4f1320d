// Names for foreign key cells: for the rows fetched so far, the referenced rows' label column
// (name / title / code), fetched once per id, so a cell shows "上海精工机械" rather than a uuid.
import { useCallback, useEffect, useRef, useState } from 'react';
import { supabase } from '../../providers/supabase-client.ts';
import { labelColumnOf, loadTableSchema, type ColumnInfo, type TableInfo } from '../../providers/table-schema.ts';
import type { RowSlot } from './use-table-window.ts';

const BATCH = 100;

export function useFkLabels(table: TableInfo, rows: readonly RowSlot[]) {
  const labels = useRef(new Map<string, string | null>());
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const fkColumns = table.columns.filter((c) => c.references);
    if (fkColumns.length === 0) return;
    let live = true;
    void (async () => {
      const schema = await loadTableSchema();
      for (const column of fkColumns) {
        const ref = column.references!;
        const label = schema.get(ref.table) && labelColumnOf(schema.get(ref.table)!);
        if (!label) continue;
        const missing = [...new Set(rows.flatMap((s) => {
          const v = s.data?.[column.name];
          return typeof v === 'string' && !labels.current.has(`${ref.table}|${v}`) ? [v] : [];
        }))];
        for (let i = 0; i < missing.length; i += BATCH) {
          const ids = missing.slice(i, i + BATCH);
          for (const id of ids) labels.current.set(`${ref.table}|${id}`, null); // asked once
          const { data } = await supabase.from(ref.table).select(`${ref.column}, ${label}`).in(ref.column, ids);
          for (const r of (data ?? []) as unknown as Record<string, unknown>[]) {
            if (r[label] != null) labels.current.set(`${ref.table}|${String(r[ref.column])}`, String(r[label]));
          }
          if (live) setVersion((v) => v + 1);
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [table, rows]);

  return useCallback(
    (column: ColumnInfo, value: unknown): string | undefined => {
      void version;
      return column.references && typeof value === 'string' ? labels.current.get(`${column.references.table}|${value}`) ?? undefined : undefined;
    },
    [version],
  );
}
