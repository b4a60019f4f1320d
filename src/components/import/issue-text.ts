// A row problem as a sentence: "<column label>: <message>".
import type { TFunction } from 'i18next';
import type { RowIssue } from './validate-rows.ts';

export function issueText(t: TFunction, resource: string, issue: RowIssue): string {
  const message = t(issue.key, issue.params ?? {}) as string;
  return issue.column ? `${t(`${resource}.fields.${issue.column}`, { defaultValue: issue.column })}: ${message}` : message;
}
