// A row problem as a sentence: "<column label>: <message>", enum values shown by their labels.
import type { TFunction } from 'i18next';
import type { RowIssue } from './validate-rows.ts';

export function issueText(t: TFunction, resource: string, issue: RowIssue): string {
  const params = { ...issue.params };
  if (issue.column && typeof params.values === 'string') {
    params.values = params.values.split(', ').map((v) => t(`${resource}.${issue.column}.${v}`, { defaultValue: v })).join(', ');
  }
  const message = t(issue.key, params) as string;
  return issue.column ? `${t(`${resource}.fields.${issue.column}`, { defaultValue: issue.column })}: ${message}` : message;
}

/** The column a constraint named `<table>_<column>_check|key|fkey` guards (Postgres's default names). */
export function constraintColumn(resource: string, message = ''): string | undefined {
  const name = /constraint "([a-z0-9_]+)"/.exec(message)?.[1];
  const prefix = `${resource}_`;
  if (!name?.startsWith(prefix)) return undefined;
  return /^(.+)_(check|key|fkey)$/.exec(name.slice(prefix.length))?.[1];
}

/** The database's refusal of a whole import, naming the column when the constraint tells it. */
export function refusalText(t: TFunction, resource: string, error: { message?: string }, translated: string): string {
  const column = constraintColumn(resource, error.message);
  return column ? `${t(`${resource}.fields.${column}`, { defaultValue: column })}: ${translated}` : translated;
}
