// The list-v2 continuation token as Storage writes it: base64 of "k:value" lines (l = last name,
// o = sort order, c = sort column, a = that column's value on the last entry), so a cursor keeps
// the sort it was made with.
import { errors } from './errors.ts';

export interface ListCursor {
  startAfter: string;
  sortOrder?: string;
  sortColumn?: string;
  sortColumnAfter?: string;
}

const PARTS: [string, keyof ListCursor][] = [
  ['l', 'startAfter'],
  ['o', 'sortOrder'],
  ['c', 'sortColumn'],
  ['a', 'sortColumnAfter'],
];

export function encodeListCursor(cursor: ListCursor): string {
  const lines = PARTS.filter(([, field]) => cursor[field]).map(([k, field]) => `${k}:${cursor[field]}`);
  return Buffer.from(lines.join('\n')).toString('base64');
}

export function decodeListCursor(token: string): ListCursor {
  const cursor: ListCursor = { startAfter: '', sortOrder: 'asc' };
  for (const line of Buffer.from(token, 'base64').toString().split('\n')) {
    const match = /^(\S):(.*)/.exec(line);
    const part = match && PARTS.find(([k]) => k === match[1]);
    if (!match || !part) throw errors.invalidParameter('Invalid Parameter continuation token');
    cursor[part[1]] = match[2];
  }
  return cursor;
}
