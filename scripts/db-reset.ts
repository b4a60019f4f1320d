// `npm run db:reset`: drops the local database and rebuilds it from migrations and the seed.
import fs from 'node:fs';
import { openDatabase, pgliteDir } from '../supabase/local/db/open.ts';
import { resetPostgres } from '../supabase/local/db/reset.ts';
import { lockDataDir } from '../supabase/local/db/data-dir-lock.ts';
import { configOrExit, fail } from '../supabase/local/run.ts';

const config = configOrExit();
try {
  if (config.dbMode === 'postgres') {
    await resetPostgres(config.databaseUrl!);
  } else {
    // Take the lock first so a running stack's data is never deleted under it.
    const dir = pgliteDir(config);
    const release = lockDataDir(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(config.storageDir, { recursive: true, force: true });
    release();
  }
  const started = Date.now();
  const { migrations, close } = await openDatabase(config);
  await close();
  console.log(
    `bizdesk: database rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${migrations.applied.length} migrations, seed: ${migrations.seeded.join(', ') || 'none'}`,
  );
} catch (e) {
  fail((e as Error).message);
}
