// POST /object/list-v2/:bucket (storage-js listV2): cursor-paged listing, flat or folder by folder.
// The body is checked by Storage's own schema (bad input: 400 InvalidRequest before anything runs);
// a bad bucket name is refused, an unknown bucket simply lists nothing, as Storage answers.
import type { FastifyInstance } from 'fastify';
import type { StackContext } from '../../context.ts';
import { requireCaller } from '../caller.ts';
import { asCaller } from '../db.ts';
import { mustBeValidBucketName } from '../keys.ts';
import { decodeListCursor, encodeListCursor, type ListCursor } from '../list-cursor.ts';
import { listV2Rows, type ListV2Row, type SortColumn, type SortOrder } from '../list-v2-query.ts';

const bodySchema = {
  type: 'object',
  properties: {
    prefix: { type: 'string' },
    limit: { type: 'integer', minimum: 1 },
    cursor: { type: 'string' },
    with_delimiter: { type: 'boolean' },
    sortBy: {
      type: 'object',
      properties: {
        column: { type: 'string', enum: ['name', 'updated_at', 'created_at'] },
        order: { type: 'string', enum: ['asc', 'desc'] },
      },
      required: ['column'],
    },
  },
} as const;

interface Body {
  prefix?: string;
  limit?: number;
  cursor?: string;
  with_delimiter?: boolean;
  sortBy?: { column: SortColumn; order?: SortOrder };
}

const MAX_KEYS = 1000;

/** Postgres' timestamptz text ("2026-01-02 03:04:05.678901+00") as ISO to the millisecond. */
const isoMillis = (v: string) => new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();

function nextCursor(last: ListV2Row, column: SortColumn | undefined, order: string | undefined): string {
  const time = column && column !== 'name' ? last[column] : null;
  const cursor: ListCursor = { startAfter: last.name, sortOrder: order, sortColumn: column, sortColumnAfter: time ? isoMillis(time) : undefined };
  return encodeListCursor(cursor);
}

export function listV2Routes(app: FastifyInstance, ctx: StackContext) {
  app.post('/object/list-v2/:bucket', { schema: { body: bodySchema } }, async (req) => {
    const { bucket } = req.params as { bucket: string };
    const body = (req.body ?? {}) as Body;
    const caller = await requireCaller(ctx, req);
    mustBeValidBucketName(bucket);
    const limit = Math.min(body.limit || MAX_KEYS, MAX_KEYS);
    const prefix = body.prefix || '';
    // A cursor carries the sort it was made with; it wins over the body's.
    const cursor = body.cursor ? decodeListCursor(body.cursor) : undefined;
    const column = (cursor?.sortColumn || body.sortBy?.column) as SortColumn | undefined;
    const order = cursor?.sortOrder || body.sortBy?.order;
    const rows = await asCaller(ctx, caller, (tx) =>
      listV2Rows(tx, {
        bucket,
        prefix,
        delimited: body.with_delimiter === true,
        fetch: limit + 1,
        sortColumn: column === 'created_at' || column === 'updated_at' ? column : 'name',
        sortOrder: order === 'desc' ? 'desc' : 'asc',
        startAfter: cursor?.startAfter ?? '',
        sortColumnAfter: cursor?.sortColumnAfter,
      }),
    );
    const hasNext = rows.length > limit;
    const page = rows.slice(0, limit);
    const folders = page.filter((r) => r.id === null).map((r) => ({ ...r, name: r.name.endsWith('/') ? r.name : `${r.name}/` }));
    const objects = page.filter((r) => r.id !== null);
    const last = page[page.length - 1];
    return {
      hasNext,
      ...(hasNext && last ? { nextCursor: nextCursor(last, column, order), nextCursorKey: last.name } : {}),
      folders,
      objects,
    };
  });
}
