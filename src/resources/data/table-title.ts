// Human titles of tables and columns: the app's own labels where a module has them
// (`<table>.title`, `<table>.fields.<column>`), the database name otherwise.
import type { i18n as I18n } from 'i18next';

export function tableTitle(i18n: I18n, table: string): string {
  const key = `${table}.title`;
  return i18n.exists(key) && typeof i18n.t(key) === 'string' ? `${i18n.t(key)}` : table;
}

/** The label of an enum value where the module has one (`<table>.<column>.<value>`). */
export function enumLabel(i18n: I18n, table: string, column: string, value: string): string | undefined {
  const key = `${table}.${column}.${value}`;
  const text = i18n.exists(key) ? i18n.t(key) : undefined;
  return typeof text === 'string' ? text : undefined;
}

/** Every labelled value of an enum column: value -> label. */
export function enumLabels(i18n: I18n, table: string, column: { name: string; enumValues?: string[] }): Record<string, string> {
  return Object.fromEntries((column.enumValues ?? []).flatMap((v) => {
    const label = enumLabel(i18n, table, column.name, v);
    return label ? [[v, label]] : [];
  }));
}

export function columnTitle(i18n: I18n, table: string, column: string): string {
  const key = `${table}.fields.${column}`;
  const text = i18n.exists(key) ? i18n.t(key) : undefined;
  return typeof text === 'string' ? text : column;
}
