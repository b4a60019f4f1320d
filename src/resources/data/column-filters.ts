// Per-column filters as typed in the grid's header, turned into the data provider's filters:
// text columns match a part, other kinds the parsed value exactly.
import type { CrudFilter } from '@refinedev/core';
import { parseCell } from '../../components/cell-value/parse.ts';
import type { ColumnInfo } from '../../providers/table-schema.ts';

export type FilterTexts = Record<string, string>;

export function toCrudFilters(texts: FilterTexts, columns: readonly ColumnInfo[]): CrudFilter[] {
  const filters: CrudFilter[] = [];
  for (const column of columns) {
    const text = texts[column.name]?.trim();
    if (!text) continue;
    if (column.kind === 'text') {
      filters.push({ field: column.name, operator: 'contains', value: text });
      continue;
    }
    const parsed = parseCell(text, { ...column, nullable: true });
    if (parsed.ok && parsed.value !== null) filters.push({ field: column.name, operator: 'eq', value: parsed.value });
  }
  return filters;
}
