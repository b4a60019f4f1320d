// Empties a PostgreSQL database the way `supabase db reset` does for the schemas the project
// owns, so bootstrap, migrations and seed rebuild it from scratch. Roles are cluster-wide and stay.
import pg from 'pg';

const PROJECT_SCHEMAS = ['public', 'auth', 'storage', 'extensions', 'supabase_migrations', 'private'];

export async function resetPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname = any($1::text[])
         or (nspname not like 'pg\\_%' and nspname not in ('information_schema'))`,
      [PROJECT_SCHEMAS],
    );
    for (const { nspname } of rows) await client.query(`drop schema if exists ${pg.escapeIdentifier(nspname)} cascade`);
    await client.query('create schema public');
    await client.query("drop publication if exists supabase_realtime");
  } finally {
    await client.end();
  }
}
