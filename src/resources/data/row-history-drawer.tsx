// Row history: every change of the row from the audit trail (who, when, each cell old -> new),
// a page at a time, with "restore this value" for admins (applied like any edit, so undoable).
import { useState } from 'react';
import { Button, Drawer, Table, Tag } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { supabase } from '../../providers/supabase-client.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import type { AuditRow } from '../../components/record-history.tsx';

interface Props {
  table: string;
  recordId: string | undefined;
  onClose: () => void;
  /** Restores column's old value; undefined when the user may not edit. */
  onRestore?: (column: string, value: unknown) => Promise<boolean>;
}

const PAGE = 20;
const show = (v: unknown) => (v === null || v === undefined ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));

async function loadPage(table: string, recordId: string, page: number) {
  const { data, error, count } = await supabase
    .from('audit_log')
    .select('id, action, actor_id, at, changed_columns, old_values, new_values', { count: 'exact' })
    .eq('table_name', table)
    .eq('record_id', recordId)
    .order('at', { ascending: false })
    .order('id', { ascending: false })
    .range((page - 1) * PAGE, page * PAGE - 1);
  if (error) throw error;
  const rows = data as AuditRow[];
  const actorIds = [...new Set(rows.map((r) => r.actor_id).filter((x): x is string => !!x))];
  const names = new Map<string, string>();
  if (actorIds.length) {
    const people = await supabase.from('profiles').select('id, full_name').in('id', actorIds);
    for (const p of (people.data ?? []) as { id: string; full_name: string }[]) names.set(p.id, p.full_name);
  }
  return { rows, total: count ?? 0, names };
}

export function RowHistoryDrawer({ table, recordId, onClose, onRestore }: Props) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['table-editor-history', table, recordId, page],
    queryFn: () => loadPage(table, recordId!, page),
    enabled: !!recordId,
  });
  const restore = async (column: string, value: unknown) => {
    if (onRestore && (await onRestore(column, value))) {
      apiMessage.success(t('table_editor.history.restored', { column }));
      void query.refetch();
    }
  };
  return (
    <Drawer open={!!recordId} onClose={onClose} width={720} title={t('table_editor.history.title')} destroyOnClose>
      <Table<AuditRow>
        data-testid="row-history"
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.rows ?? []}
        pagination={{ current: page, pageSize: PAGE, total: query.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('table_editor.history.at'), dataIndex: 'at', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('table_editor.history.who'), dataIndex: 'actor_id', width: 100, render: (v: string | null) => (v ? query.data?.names.get(v) ?? v.slice(0, 8) : t('table_editor.history.system')) },
          { title: t('table_editor.history.action'), dataIndex: 'action', width: 80, render: (v: string) => <Tag>{t(`table_editor.history.${v.toLowerCase()}`)}</Tag> },
          {
            title: t('table_editor.history.changes'),
            render: (_, row) =>
              row.action !== 'UPDATE' ? null : (
                <div>
                  {row.changed_columns.map((c) => (
                    <div key={c} data-testid={`history-change-${c}`}>
                      <b>{c}</b>: {show(row.old_values?.[c])} → {show(row.new_values?.[c])}{' '}
                      {onRestore && (
                        <Button size="small" type="link" icon={<RollbackOutlined />} data-testid={`restore-${c}`} onClick={() => void restore(c, row.old_values?.[c] ?? null)}>
                          {t('table_editor.history.restore')}
                        </Button>
                      )}
                    </div>
                  ))}
                </div>
              ),
          },
        ]}
      />
    </Drawer>
  );
}
