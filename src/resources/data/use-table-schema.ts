// The exposed schema (loadTableSchema) as React state.
import { useEffect, useState } from 'react';
import { loadTableSchema, type TableInfo } from '../../providers/table-schema.ts';

export function useTableSchema() {
  const [schema, setSchema] = useState<Map<string, TableInfo>>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    loadTableSchema()
      .then((s) => live && setSchema(s))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, []);
  return { schema, error };
}
