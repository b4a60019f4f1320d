// apply_table_edits names the refused cell in the error's details as JSON
// ({"row": edit index, "pk": {...}, "column": name or null}); this reads it back.
export interface EditErrorCell {
  row?: number;
  pk?: Record<string, unknown>;
  column?: string | null;
}

export function editErrorCell(error: { details?: string | null } | null | undefined): EditErrorCell {
  try {
    const parsed: unknown = JSON.parse(error?.details ?? '');
    if (!parsed || typeof parsed !== 'object') return {};
    const { row, pk, column } = parsed as Record<string, unknown>;
    return {
      row: typeof row === 'number' ? row : undefined,
      pk: pk && typeof pk === 'object' ? (pk as Record<string, unknown>) : undefined,
      column: typeof column === 'string' ? column : null,
    };
  } catch {
    return {};
  }
}

/** The key of one cell, stable across sorting and paging: its row's primary key and its column. */
export function cellKey(pk: Record<string, unknown>, column: string): string {
  return `${JSON.stringify(pk)}|${column}`;
}
