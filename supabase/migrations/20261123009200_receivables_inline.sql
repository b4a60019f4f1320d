-- Receivables pages (issue 13): Postgres inlines a SQL function into the query that calls it only
-- when the function has no SET clause. Inlined, the receivables views let the page's order, limit
-- and filters reach the tables: the manager's open-instalments page went from 260 ms to 10 ms at
-- half the benchmark scale, the ageing report from ~390 ms to ~300 ms. Both are SECURITY INVOKER
-- and name every object with its schema, so a caller's search_path can change nothing in them.
alter function public.receivable_instalments(date) reset search_path;
alter function public.receivables_ageing(date) reset search_path;
