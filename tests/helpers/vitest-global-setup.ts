// Builds the migrated, seeded database snapshot once, before the suites start, so parallel
// suites copy it instead of each building it (see snapshot.ts).
import { pgliteSnapshot, postgresTemplate } from './snapshot.ts';

export default async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) await postgresTemplate(process.env.DATABASE_URL);
  else await pgliteSnapshot();
}
