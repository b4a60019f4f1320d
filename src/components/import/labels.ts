// The names a file may use for a column or an enum value: the column name itself and its label in
// every locale (`<resource>.fields.<column>`, `<resource>.<column>.<value>`).
export type Translate = (key: string) => string | undefined;

export interface ImportLabels {
  field(column: string): string[];
  enumValue(column: string, value: string): string[];
}

/** Labels from one translate function per locale (a missing key answers undefined). */
export function importLabels(resource: string, translators: readonly Translate[]): ImportLabels {
  const all = (key: string) => translators.map((t) => t(key)).filter((s): s is string => Boolean(s));
  return {
    field: (column) => [column, ...all(`${resource}.fields.${column}`)],
    enumValue: (column, value) => [value, ...all(`${resource}.${column}.${value}`)],
  };
}

/** A translate function over a parsed locale file (nested JSON). */
export function translatorOf(bundle: unknown): Translate {
  return (key) => {
    let node: unknown = bundle;
    for (const part of key.split('.')) {
      if (!node || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' ? node : undefined;
  };
}
