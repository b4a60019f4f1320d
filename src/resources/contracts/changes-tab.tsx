// The contract's change/termination requests, each with its proposed values and its approval block,
// where the manager and legal decide; an approved change is applied to the contract by the database.
import { Card, Descriptions, Empty, Space } from 'antd';
import { useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { ApprovalPanel } from '../../components/approval-panel/index.tsx';
import { StatusTag } from '../../components/status-tag.tsx';

interface ChangeRow { id: string; kind: string; title: string; reason: string; status: string; proposed: Record<string, unknown>; owner_id: string }

export function ChangesTab({ contractId, onChange }: { contractId: string; onChange: () => void }) {
  const { t } = useTranslation();
  const { result, query } = useList<ChangeRow>({
    resource: 'contract_changes',
    filters: [{ field: 'contract_id', operator: 'eq', value: contractId }],
    sorters: [{ field: 'created_at', order: 'asc' }],
    pagination: { mode: 'off' },
    meta: { select: 'id, kind, title, reason, status, proposed, owner_id, created_at' },
  });
  const refresh = () => {
    void query.refetch();
    onChange();
  };
  if (!query.isLoading && result.data.length === 0) return <Empty data-testid="contract-changes" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="contract-changes">
      {result.data.map((r) => (
        <Card key={r.id} size="small" data-testid="contract-change" title={<>{t(`contracts.related.changeKind.${r.kind}`)} · {r.title}</>}
          extra={<span data-testid="change-status"><StatusTag value={r.status} namespace="contracts.status" /></span>}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('contracts.related.fields.reason')}>{r.reason}</Descriptions.Item>
            {Object.entries(r.proposed ?? {}).map(([k, v]) => (
              <Descriptions.Item key={k} label={t(`contracts.fields.${k}`)}>{String(v)}</Descriptions.Item>
            ))}
          </Descriptions>
          <ApprovalPanel recordType="contract_change" recordId={r.id} ownerId={r.status === 'draft' ? r.owner_id : undefined} onChange={refresh} />
        </Card>
      ))}
    </Space>
  );
}
