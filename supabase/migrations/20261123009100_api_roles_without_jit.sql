-- The API roles run short queries: JIT compilation (on by default in PostgreSQL 15, above a plan
-- cost of 100,000) costs more than it saves on them. Measured at half the benchmark scale: the
-- receivables pages of a salesperson took ~350 ms with JIT and 12 ms without; the manager's
-- ~600 ms and ~300 ms. PostgREST applies the impersonated role's settings in every request (as
-- Supabase does with statement_timeout); PGlite has no JIT and ignores the setting.
alter role authenticated set jit = off;
alter role anon set jit = off;
alter role service_role set jit = off;
