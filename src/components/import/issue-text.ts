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
