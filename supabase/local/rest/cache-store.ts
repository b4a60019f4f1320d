// The live schema cache: loaded at start, reloaded on `NOTIFY pgrst, 'reload schema'` and when
// the stack reports a schema change (migrations). Requests read whatever is current.
import type { StackContext } from '../context.ts';
import { loadSchemaCache, type SchemaCache } from './schema-cache.ts';

export class SchemaCacheStore {
  private cache!: SchemaCache;
  private loading: Promise<void> | undefined;
  private stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly ctx: StackContext,
    readonly schemas: string[],
  ) {}

  get current(): SchemaCache {
    return this.cache;
  }

  async reload(): Promise<void> {
    // Reloads requested while one runs share the next load, so the last change is always seen.
    const run = async () => {
      this.cache = await loadSchemaCache(this.ctx.db, this.schemas);
    };
    const next = (this.loading ?? Promise.resolve()).catch(() => {}).then(run);
    this.loading = next;
    try {
      await next;
    } finally {
      if (this.loading === next) this.loading = undefined;
    }
  }

  async start(): Promise<void> {
    await this.reload();
    this.stopListening = await this.ctx.db.listen('pgrst', (payload) => {
      if (payload === 'reload schema' || payload === 'reload config' || payload === '') void this.reload().catch(() => {});
    });
  }

  async stop(): Promise<void> {
    await this.stopListening?.().catch(() => {});
    this.stopListening = undefined;
  }
}
