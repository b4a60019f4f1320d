// Splits a SQL file into statements with the real PostgreSQL parser (libpg-query, WASM), so the
// migration runner can record statements as the Supabase CLI does and name the failing line.
import { loadModule, parseSync } from 'libpg-query';

export interface SqlStatement {
  sql: string;
  /** 1-based line of the statement's first character in the file. */
  line: number;
}

let loaded: Promise<void> | undefined;

export async function splitStatements(source: string): Promise<SqlStatement[]> {
  await (loaded ??= loadModule());
  const bytes = Buffer.from(source, 'utf8');
  const result = parseSync(source) as { stmts?: { stmt_location?: number; stmt_len?: number }[] };
  return (result.stmts ?? []).map((s) => {
    const start = s.stmt_location ?? 0;
    const end = s.stmt_len ? start + s.stmt_len : bytes.length;
    const raw = bytes.subarray(start, end).toString('utf8');
    const leading = raw.length - raw.trimStart().length;
    const before = bytes.subarray(0, start).toString('utf8') + raw.slice(0, leading);
    return { sql: raw.trim(), line: before.split('\n').length };
  });
}

/** 1-based line and column of a character offset (Postgres error positions count characters). */
export function lineOf(text: string, charOffset: number): number {
  return text.slice(0, Math.max(0, charOffset)).split('\n').length;
}
