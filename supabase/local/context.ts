// What every API plugin is given: the config, the database and the keys. Built once at start.
import type { StackConfig } from './config.ts';
import type { Db } from './db/types.ts';
import type { ApiKeys } from './jwt.ts';

export interface StackContext {
  config: StackConfig;
  db: Db;
  keys: ApiKeys;
  /** Callbacks run after migrations change the schema (e.g. the REST schema cache reload). */
  onSchemaChange: Set<() => Promise<void> | void>;
}
