// A column's value as the text of one cell (copy to Excel / WPS, CSV export, editor input).
import dayjs from 'dayjs';
import type { ColumnInfo } from '../../providers/table-schema.ts';

export function formatCell(value: unknown, column: ColumnInfo): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'json':
      return JSON.stringify(value);
    case 'datetime': {
      // Local time without the offset: what Excel reads back as a date-time.
      const d = dayjs(String(value));
      return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : String(value);
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
