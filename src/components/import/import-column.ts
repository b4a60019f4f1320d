// The table column description the import works with: the editor's schema module, read from the
// REST API's OpenAPI document, and its type-aware cell parser.
import type { ColumnInfo } from '../../providers/table-schema.ts';
import type { ParseResult } from '../cell-value/parse.ts';

export type ImportColumn = ColumnInfo;
export type CellParser = (text: string, column: ImportColumn) => ParseResult;
