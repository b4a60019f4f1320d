// The SQL Storage runs against storage.buckets / storage.objects. Statements run in a transaction
// that carries the caller's role and claims, so RLS policies decide what each caller sees and changes.
import type { DbSession } from '../db/types.ts';
import { runAsRole, setRequestScope } from '../db/as-role.ts';
import type { StackContext } from '../context.ts';
import type { Caller } from './caller.ts';
import { toStorageError } from './errors.ts';

export interface BucketRow {
  id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  public: boolean;
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
  type: string;
  created_at: string;
  updated_at: string;
}

export interface ObjectMetadata {
  eTag: string;
  size: number;
  mimetype: string;
  cacheControl: string;
  lastModified: string;
  contentLength: number;
  httpStatusCode: number;
}

export interface ObjectRow {
  id: string;
  bucket_id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  version: string | null;
  metadata: ObjectMetadata | null;
  user_metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  last_accessed_at: string;
}

// Storage's own transactions may delete rows (storage.protect_delete refuses plain SQL deletes).
const ALLOW_DELETE_SQL = "select set_config('storage.allow_delete_query', 'true', true)";

function asStorageApi<T>(fn: (tx: DbSession) => Promise<T>) {
  return async (tx: DbSession) => {
    await tx.query(ALLOW_DELETE_SQL);
    return fn(tx);
  };
}

/** Runs fn as the caller; Postgres errors come out as Storage errors. */
export async function asCaller<T>(ctx: StackContext, caller: Caller, fn: (tx: DbSession) => Promise<T>): Promise<T> {
  try {
    return await runAsRole(ctx.db, caller.role, caller.claims, caller.req, asStorageApi(fn));
  } catch (e) {
    throw toStorageError(e);
  }
}

/**
 * Like asCaller, but `prepare` first runs with the stack's own rights in the same transaction
 * (to lock and read a row the caller may not see, e.g. the version an upsert replaces).
 */
export async function asCallerAfter<P, T>(
  ctx: StackContext,
  caller: Caller,
  prepare: (tx: DbSession) => Promise<P>,
  fn: (tx: DbSession, prepared: P) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction(async (tx) => {
      await tx.query(ALLOW_DELETE_SQL);
      const prepared = await prepare(tx);
      await setRequestScope(tx, caller.role, caller.claims, caller.req);
      return fn(tx, prepared);
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Runs fn as the caller and rolls back: Storage's check that RLS would allow a write. */
export async function testPermission(ctx: StackContext, caller: Caller, fn: (tx: DbSession) => Promise<unknown>): Promise<void> {
  const rollback = new Error('rollback');
  try {
    await runAsRole(ctx.db, caller.role, caller.claims, caller.req, async (tx) => {
      await fn(tx);
      throw rollback;
    });
  } catch (e) {
    if (e === rollback) return;
    throw toStorageError(e);
  }
}

const BUCKET_COLUMNS = 'id, name, owner, owner_id, public, file_size_limit, allowed_mime_types, type, created_at, updated_at';

export async function findBucket(tx: DbSession, id: string): Promise<BucketRow | undefined> {
  const { rows } = await tx.query<BucketRow>(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [id]);
  return rows[0] && { ...rows[0], file_size_limit: rows[0].file_size_limit === null ? null : Number(rows[0].file_size_limit) };
}

export async function findObject(tx: DbSession, bucket: string, name: string, forUpdate = false): Promise<ObjectRow | undefined> {
  const { rows } = await tx.query<ObjectRow>(
    `select * from storage.objects where bucket_id = $1 and name = $2${forUpdate ? ' for update' : ''}`,
    [bucket, name],
  );
  return rows[0];
}

export interface NewObject {
  bucket: string;
  name: string;
  owner?: string;
  version: string;
  metadata: Partial<ObjectMetadata> | null;
  userMetadata?: Record<string, unknown> | null;
}

// Storage keeps the JWT's sub in owner_id (any string) and in owner when it is a uuid.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidOrNull(v: string | undefined): string | null {
  return v && UUID.test(v) ? v : null;
}

function objectParams(o: NewObject): unknown[] {
  return [
    o.bucket,
    o.name,
    uuidOrNull(o.owner),
    o.owner ?? null,
    o.version,
    o.metadata === null ? null : JSON.stringify(o.metadata),
    o.userMetadata ? JSON.stringify(o.userMetadata) : null,
  ];
}

/** INSERT (a duplicate is a 409) or, with upsert, INSERT … ON CONFLICT DO UPDATE, as Storage does. */
export async function insertObject(tx: DbSession, o: NewObject, upsert: boolean): Promise<ObjectRow> {
  const conflict = upsert
    ? `on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id,
         version = excluded.version, metadata = excluded.metadata, user_metadata = excluded.user_metadata,
         updated_at = now(), last_accessed_at = now()`
    : '';
  const { rows } = await tx.query<ObjectRow>(
    `insert into storage.objects (bucket_id, name, owner, owner_id, version, metadata, user_metadata)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb) ${conflict} returning *`,
    objectParams(o),
  );
  return rows[0];
}

/** UPDATE of an existing object (PUT): no row visible to the caller means not found. */
export async function updateObject(tx: DbSession, o: NewObject): Promise<ObjectRow | undefined> {
  const { rows } = await tx.query<ObjectRow>(
    `update storage.objects set owner = $3, owner_id = $4, version = $5, metadata = $6::jsonb,
            user_metadata = coalesce($7::jsonb, user_metadata), updated_at = now(), last_accessed_at = now()
      where bucket_id = $1 and name = $2 returning *`,
    objectParams(o),
  );
  return rows[0];
}
