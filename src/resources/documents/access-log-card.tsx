// Who opened the document's files, when, which version, from where: read-only for everyone (the
// database refuses any change); owners and the department manager read all of it.
import { Card, Table } from 'antd';
import { useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';

interface LogRow { id: number; version_no: number | null; accessed_at: string; ip: string | null; user_agent: string | null; user?: { full_name: string } | null }

export function AccessLogCard({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`documents.log.${c}`);
  const { tableProps } = useTable<LogRow>({
    resource: 'document_access_log',
    syncWithLocation: false,
    filters: { permanent: [{ field: 'document_id', operator: 'eq', value: documentId }] },
    sorters: { initial: [{ field: 'accessed_at', order: 'desc' }] },
    pagination: { pageSize: 10 },
    meta: { select: 'id, version_no, accessed_at, ip, user_agent, user:profiles(full_name)' },
  });
  return (
    <Card size="small" title={t('documents.log.title')} data-testid="access-log">
      <Table<LogRow> {...tableProps} rowKey="id" size="small">
        <Table.Column<LogRow> title={f('user')} render={(_, r) => r.user?.full_name ?? '—'} />
        <Table.Column<LogRow> dataIndex="accessed_at" title={f('accessed_at')} render={(v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss')} />
        <Table.Column<LogRow> dataIndex="version_no" title={f('version_no')} render={(v: number | null) => (v ? `v${v}` : '—')} />
        <Table.Column<LogRow> dataIndex="ip" title={f('ip')} />
        <Table.Column<LogRow> dataIndex="user_agent" title={f('user_agent')} ellipsis />
      </Table>
    </Card>
  );
}
