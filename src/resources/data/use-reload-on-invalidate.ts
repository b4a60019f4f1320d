// The grid fetches its windows itself, outside Refine's query cache; this watches a tiny list
// query of the table so that whatever invalidates the table's lists (the import wizard after
// inserting rows) reloads the grid too.
import { useEffect, useRef } from 'react';
import { useList } from '@refinedev/core';

export function useReloadOnInvalidate(resource: string, reload: () => void) {
  const { query } = useList({
    resource,
    pagination: { currentPage: 1, pageSize: 1, mode: 'server' },
    meta: { select: '*', count: 'exact' },
    // Only an invalidation should refetch it.
    queryOptions: { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false },
  });
  const seen = useRef<number>(0);
  useEffect(() => {
    const at = query.dataUpdatedAt;
    if (seen.current && at > seen.current) reload();
    seen.current = at;
  }, [query.dataUpdatedAt, reload]);
}
