// One timeline of a record's history: audit trail diffs (who changed which fields from what to
// what) merged with its approval actions and comments, newest first.
import { Card, Empty, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { supabase } from '../providers/supabase-client.ts';

/** One row of audit_log as the history views read it. */
export interface AuditRow {
  id: number;
  action: 'INSERT' | 'UPDATE' | 'DELETE';
  actor_id: string | null;
  at: string;
  changed_columns: string[];
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown> | null;
}

interface Entry {
  key: string;
  at: string;
  actor: string | null;
  kind: string;
  text?: string;
  changes?: { column: string; from: unknown; to: unknown }[];
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

async function loadHistory(table: string, recordType: string | undefined, recordId: string) {
  const audit = await supabase
    .from('audit_log')
    .select('id, action, actor_id, at, changed_columns, old_values, new_values')
    .eq('table_name', table)
    .eq('record_id', recordId)
    .order('at', { ascending: false })
    .limit(200);
  if (audit.error) throw audit.error;
  const entries: Entry[] = (audit.data as AuditRow[]).map((row) => ({
    key: `a${row.id}`,
    at: row.at,
    actor: row.actor_id,
    kind: row.action.toLowerCase(),
    changes:
      row.action === 'UPDATE'
        ? row.changed_columns.map((c) => ({ column: c, from: row.old_values?.[c], to: row.new_values?.[c] }))
        : undefined,
  }));
  if (recordType) {
    const actions = await supabase
      .from('approval_actions')
      .select('id, action, actor_id, comment, created_at, approval_requests!inner(record_type, record_id)')
      .eq('approval_requests.record_type', recordType)
      .eq('approval_requests.record_id', recordId);
    if (actions.error) throw actions.error;
    for (const a of actions.data as { id: string; action: string; actor_id: string | null; comment: string | null; created_at: string }[]) {
      entries.push({ key: `p${a.id}`, at: a.created_at, actor: a.actor_id, kind: `approval.${a.action}`, text: a.comment ?? undefined });
    }
  }
  entries.sort((a, b) => b.at.localeCompare(a.at));
  const ids = [...new Set(entries.map((e) => e.actor).filter((x): x is string => Boolean(x)))];
  const { data: people } = ids.length ? await supabase.from('profiles').select('id, full_name').in('id', ids) : { data: [] };
  const names = Object.fromEntries((people ?? []).map((p) => [p.id as string, p.full_name as string]));
  return { entries, names };
}

export function RecordHistory({ table, recordId, recordType, fieldNamespace }: {
  table: string;
  recordId: string;
  recordType?: string;
  /** i18n namespace of the column labels, e.g. 'contracts' → contracts.fields.<column>. */
  fieldNamespace?: string;
}) {
  const { t } = useTranslation();
  const { data, isLoading } = useQuery({
    queryKey: ['history', recordType ?? table, recordId],
    queryFn: () => loadHistory(table, recordType, recordId),
  });
  const label = (column: string) => t(`${fieldNamespace ?? table}.fields.${column}`, { defaultValue: column });
  return (
    <Card title={t('history.title')} size="small" loading={isLoading} data-testid="record-history">
      {data && data.entries.length === 0 && <Empty description={t('history.empty')} />}
      <Timeline
        items={(data?.entries ?? []).map((e) => ({
          key: e.key,
          children: (
            <div data-testid="history-entry" data-kind={e.kind}>
              <Typography.Text strong>{e.actor ? data!.names[e.actor] ?? '—' : t('approval.system')}</Typography.Text>{' '}
              {t(e.kind.startsWith('approval.') ? `approval.kind.${e.kind.slice(9)}` : `history.kind.${e.kind}`)}{' '}
              <Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')}</Typography.Text>
              {e.text && <div>“{e.text}”</div>}
              {e.changes?.map((c) => (
                <div key={c.column}>
                  {label(c.column)}: <Typography.Text delete>{show(c.from)}</Typography.Text> → {show(c.to)}
                </div>
              ))}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
