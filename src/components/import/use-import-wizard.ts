// The wizard's state and steps: read → map → validate (lookups as the signed-in user) → commit.
import { useEffect, useMemo, useState } from 'react';
import { loadTableSchema } from '../../providers/table-schema.ts';
import { supabase } from '../../providers/supabase-client.ts';
import { commitImport, type CommitMode, type CommitReport } from './commit.ts';
import { commitGroups } from './commit-groups.ts';
import { autoMap, type ColumnMapping } from './header-mapping.ts';
import type { ImportColumn } from './import-column.ts';
import { importTarget, targetFromSchema, type ImportTarget } from './import-targets.ts';
import type { ImportLabels } from './labels.ts';
import { checkGroups, groupedImportColumns, toLineGroups } from './line-groups.ts';
import type { RawTable } from './raw-table.ts';
import { buildValidationContext, importColumns } from './validation-context.ts';
import { validateRows, type ValidatedRow } from './validate-rows.ts';

export type Step = 'upload' | 'map' | 'preview' | 'result';

export function useImportWizard(resource: string, labels: ImportLabels | undefined) {
  const [target, setTarget] = useState<ImportTarget>();
  const [step, setStep] = useState<Step>('upload');
  const [columns, setColumns] = useState<ImportColumn[]>();
  const [schemaError, setSchemaError] = useState<unknown>();
  const [raw, setRaw] = useState<RawTable>();
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [rows, setRows] = useState<ValidatedRow[]>([]);
  const [progress, setProgress] = useState<number>();
  const [mode, setMode] = useState<CommitMode>('valid-only');
  const [report, setReport] = useState<CommitReport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    loadTableSchema().then((schema) => {
      const table = schema.get(resource);
      if (!table?.insertable) return setSchemaError(new Error(`no insertable table ${resource}`));
      const chosen = importTarget(resource) ?? targetFromSchema(table, schema);
      const lines = chosen.grouped && schema.get(chosen.grouped.linesTable);
      if (chosen.grouped && !lines?.insertable) return setSchemaError(new Error(`no insertable table ${chosen.grouped.linesTable}`));
      setTarget(chosen);
      const header = importColumns(chosen, table);
      setColumns(chosen.grouped && lines ? groupedImportColumns(header, importColumns({ ...chosen, columns: chosen.grouped.lineColumns }, lines), chosen.grouped) : header);
    }, setSchemaError);
  }, [resource]);

  const onRead = (file: RawTable) => {
    setRaw(file);
    setMapping(autoMap(file.header, columns ?? [], labels!));
    setStep('map');
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  const validate = () =>
    run(async () => {
      setProgress(0);
      const ctx = await buildValidationContext(supabase, target!, columns!, raw!, mapping, labels!);
      const checked = await validateRows(raw!.rows, ctx, { lines: raw!.lines, onProgress: setProgress });
      const validated = target!.grouped ? checkGroups(checked, target!, columns!) : checked;
      setRows(validated);
      setMode(validated.some((r) => r.issues.length) ? 'valid-only' : 'all-or-nothing');
      setStep('preview');
    });

  const commit = () =>
    run(async () => {
      setReport(await (target!.grouped ? commitGroups(supabase, target!, rows, mode) : commitImport(supabase, resource, rows, mode)));
      setStep('result');
    });

  // Grouped imports: the records the valid rows make (what "valid only" would create).
  const parents = useMemo(() => (target?.grouped ? toLineGroups(rows, target).length : undefined), [rows, target]);

  const back = () => setStep(step === 'preview' ? 'map' : 'upload');

  return { step, columns, parents, schemaError, raw, mapping, setMapping, rows, progress, mode, setMode, report, busy, error, onRead, validate, commit, back };
}
