// 保密协议: each member's signed agreement (dates, scan) and who has none. HR records them; HR and
// the managers read them (the database decides who sees which rows).
import { useState } from 'react';
import { Button, Card, Table, Tabs } from 'antd';
import { useTable } from '@refinedev/antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { supabase } from '../../providers/supabase-client.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { startDownload } from '../documents/document-api.ts';
import { AgreementModal } from './agreement-modal.tsx';

interface AgreementRow { id: string; person_id: string; signed_on: string; expires_on: string | null; scan_path: string | null; person?: { full_name: string } | null }
interface MissingRow { id: string; full_name: string; email: string }

const HR_ROLES = ['hr', 'admin'];

export default function AgreementsPage() {
  const { t } = useTranslation();
  const f = (c: string) => t(`agreements.fields.${c}`);
  const me = useCurrentUser();
  const apiMessage = useApiMessage();
  const keeper = me?.roles?.some((r) => HR_ROLES.includes(r)) ?? false;
  const [recording, setRecording] = useState<{ personId?: string } | null>(null);
  const { tableProps, tableQuery } = useTable<AgreementRow>({
    resource: 'confidentiality_agreements',
    syncWithLocation: false,
    sorters: { initial: [{ field: 'signed_on', order: 'desc' }] },
    meta: { select: 'id, person_id, signed_on, expires_on, scan_path, person:profiles(full_name)' },
  });
  const [missingPage, setMissingPage] = useState({ current: 1, pageSize: 10 });
  // Paged by the database: one page of the list and the exact count of everyone on it.
  const missing = useQuery({
    queryKey: ['people-without-agreement', missingPage],
    queryFn: async () => {
      const from = (missingPage.current - 1) * missingPage.pageSize;
      const { data, error, count } = await supabase.rpc('people_without_agreement', {}, { count: 'exact' })
        .select('id, full_name, email').order('full_name').order('id').range(from, from + missingPage.pageSize - 1);
      if (error) throw error;
      return { rows: data as MissingRow[], total: count ?? 0 };
    },
    placeholderData: keepPreviousData,
  });
  const openScan = async (path: string) => {
    const { data, error } = await supabase.storage.from('agreements').createSignedUrl(path, 60, { download: true });
    if (error) return apiMessage.error(error);
    startDownload(data.signedUrl, path.split('/').pop()!);
  };
  const done = () => {
    setRecording(null);
    void tableQuery.refetch();
    void missing.refetch();
  };
  return (
    <Card title={t('agreements.title')} extra={keeper && (
      <Button type="primary" onClick={() => setRecording({})} data-testid="agreement-new">{t('agreements.record')}</Button>
    )}>
      <Tabs items={[
        {
          key: 'signed', label: t('agreements.signed'), children: (
            <Table<AgreementRow> {...tableProps} rowKey="id" data-testid="agreement-table">
              <Table.Column<AgreementRow> title={f('person_id')} render={(_, r) => r.person?.full_name} />
              <Table.Column<AgreementRow> dataIndex="signed_on" title={f('signed_on')} sorter />
              <Table.Column<AgreementRow> dataIndex="expires_on" title={f('expires_on')} render={(v) => v ?? '—'} />
              <Table.Column<AgreementRow> title={f('scan_path')} render={(_, r) => r.scan_path && (
                <Button size="small" type="link" onClick={() => void openScan(r.scan_path!)}>{t('agreements.scan')}</Button>
              )} />
            </Table>
          ),
        },
        {
          key: 'missing', label: `${t('agreements.missing')} (${missing.data?.total ?? 0})`, children: (
            <Table<MissingRow>
              dataSource={missing.data?.rows ?? []}
              loading={missing.isFetching}
              rowKey="id"
              pagination={{ ...missingPage, total: missing.data?.total ?? 0 }}
              onChange={(pagination) => setMissingPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? 10 })}
              data-testid="agreement-missing"
            >
              <Table.Column<MissingRow> dataIndex="full_name" title={f('person_id')} />
              <Table.Column<MissingRow> dataIndex="email" title={f('email')} />
              {keeper && <Table.Column<MissingRow> title={t('table.actions')} render={(_, r) => (
                <Button size="small" onClick={() => setRecording({ personId: r.id })} data-testid="agreement-record">{t('agreements.record')}</Button>
              )} />}
            </Table>
          ),
        },
      ]} />
      <AgreementModal open={recording !== null} personId={recording?.personId} onClose={() => setRecording(null)} onDone={done} />
    </Card>
  );
}
