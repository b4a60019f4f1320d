// Buckets declared in supabase/config.toml ([storage.buckets.<name>]: public, file_size_limit,
// allowed_mime_types) are created or updated on start, as `supabase start` / `supabase seed buckets` do.
import type { StackContext } from '../context.ts';
import { mustBeValidBucketName, parseConfigSize } from './keys.ts';

export async function syncConfigBuckets(ctx: StackContext): Promise<void> {
  const buckets = (ctx.config.toml.storage?.buckets ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, spec] of Object.entries(buckets)) {
    mustBeValidBucketName(name);
    const mimes = Array.isArray(spec.allowed_mime_types) ? spec.allowed_mime_types.map(String) : null;
    await ctx.db.query(
      `insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
       values ($1, $1, $2, $3, $4)
       on conflict (id) do update set public = excluded.public, file_size_limit = excluded.file_size_limit,
         allowed_mime_types = excluded.allowed_mime_types, updated_at = now()`,
      [name, spec.public === true, parseConfigSize(spec.file_size_limit) ?? null, mimes && mimes.length ? mimes : null],
    );
  }
}
