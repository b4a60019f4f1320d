// File columns → table columns: automatic by header (the column name or its label in Chinese or
// English, ignoring case, spaces, required marks and full-width forms), then adjustable by the user.
import type { ImportColumn } from './import-column.ts';
import type { ImportLabels } from './labels.ts';

/** For each file column (by index), the table column it fills, or null when it is ignored. */
export type ColumnMapping = (string | null)[];

export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(](必填|required)[)）]/g, '')
    .replace(/[\s*＊:：_\-]/g, '');
}

export function autoMap(header: readonly string[], columns: readonly ImportColumn[], labels: ImportLabels): ColumnMapping {
  const byLabel = new Map<string, string>();
  for (const column of columns) {
    for (const label of labels.field(column.name)) {
      const key = normalizeLabel(label);
      if (key && !byLabel.has(key)) byLabel.set(key, column.name);
    }
  }
  const used = new Set<string>();
  return header.map((h) => {
    const column = byLabel.get(normalizeLabel(h));
    if (!column || used.has(column)) return null;
    used.add(column);
    return column;
  });
}

/** Required columns that no file column fills: the import cannot go on without them. */
export function unmappedRequired(mapping: ColumnMapping, columns: readonly ImportColumn[]): string[] {
  const mapped = new Set(mapping.filter(Boolean));
  return columns.filter((c) => c.required && !mapped.has(c.name)).map((c) => c.name);
}
