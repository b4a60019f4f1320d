// One contract page: terms, credit warning, the last rejection's reason, lines, approval, signing
// with the scan, working files, the original's archive location, payment plan and payments, collection, changes,
// orders and shipments, and the history.
import { useState } from 'react';
import { Alert, Button, Col, Descriptions, Row, Space } from 'antd';
import { EditButton, Show } from '@refinedev/antd';
import { useInvalidate, useShow } from '@refinedev/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApprovalPanel } from '../../components/approval-panel/index.tsx';
import { useApproval } from '../../components/approval-panel/use-approval.ts';
import { RecordHistory } from '../../components/record-history.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { ArchiveCard } from './archive-card.tsx';
import { ChangeRequestModal } from './change-request-modal.tsx';
import { ContractLinesCard } from './lines-card.tsx';
import { DraftsCard } from './drafts-card.tsx';
import { LifecycleButtons } from './lifecycle-buttons.tsx';
import { PaymentPlanCard } from './payment-plan-card.tsx';
import { RelatedCard } from './related-card.tsx';
import { SigningCard } from './signing-card.tsx';
import type { ContractRecord } from './options.ts';

// Roles who act on contracts in their scope (the database's can_see decides which ones).
// A change or termination may be asked for once the contract is approved, until it ends.
const CHANGEABLE = ['approved', 'signed', 'executing'];
const SCOPE_ROLES = ['admin', 'general_manager', 'dept_manager', 'deputy_manager', 'group_leader', 'salesperson'];

function RejectionNotice({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const { data } = useApproval('contract', contractId);
  const last = data?.actions.at(-1);
  if (data?.request?.status !== 'rejected' || last?.action !== 'reject') return null;
  return <Alert type="error" showIcon data-testid="reject-reason"
    message={t('contracts.rejected', { name: last.actor_id ? data.names[last.actor_id] : '' })} description={last.comment} />;
}

export default function ContractShow() {
  const { t } = useTranslation();
  const f = (c: string) => t(`contracts.fields.${c}`);
  const me = useCurrentUser();
  const roles: string[] = me?.roles ?? [];
  const { query } = useShow<ContractRecord>({
    resource: 'contracts',
    meta: { select: '*, customer:customers(name), owner:profiles!contracts_owner_id_fkey(full_name)' },
  });
  const c = query.data?.data;
  const refresh = () => void query.refetch();
  const invalidate = useInvalidate();
  const collected = () => void invalidate({ resource: 'collection_actions', invalidates: ['list'] });
  const canAct = roles.some((r) => SCOPE_ROLES.includes(r));
  const [changing, setChanging] = useState(false);
  return (
    <Show
      breadcrumb={false}
      isLoading={query.isLoading}
      title={c ? `${c.contract_no} ${c.title}` : undefined}
      headerButtons={c && (
        <Space>
          {c.status === 'draft' && canAct && <EditButton recordItemId={c.id} />}
          {canAct && CHANGEABLE.includes(c.status) && (
            <Button onClick={() => setChanging(true)} data-testid="request-change">{t('contracts.changeRequest.open')}</Button>
          )}
          <LifecycleButtons contract={c} canAct={canAct} roles={roles} onChange={refresh} />
        </Space>
      )}
    >
      {c && (
        <Row gutter={[16, 16]}>
          {c.credit_warning && (
            <Col span={24}><Alert type="warning" showIcon message={t('contracts.creditWarning')} data-testid="credit-warning" /></Col>
          )}
          {c.status === 'draft' && <Col span={24}><RejectionNotice contractId={c.id} /></Col>}
          <Col span={24}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={f('status')}><span data-testid="contract-status"><StatusTag value={c.status} namespace="contracts.status" /></span></Descriptions.Item>
              <Descriptions.Item label={f('customer_id')}><Link to={`/customers/show/${c.customer_id}`}>{c.customer?.name}</Link></Descriptions.Item>
              <Descriptions.Item label={f('amount')}><span data-testid="contract-amount">{c.currency} {c.amount}</span></Descriptions.Item>
              <Descriptions.Item label={f('quotation_id')}>{c.quotation_id ? <Link to={`/quotations/show/${c.quotation_id}`}>{t('contracts.openQuotation')}</Link> : '—'}</Descriptions.Item>
              <Descriptions.Item label={f('delivery_on')}><span data-testid="contract-delivery_on">{c.delivery_on ?? '—'}</span></Descriptions.Item>
              <Descriptions.Item label={f('payment_method')}>{c.payment_method ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('owner_id')}>{c.owner?.full_name}</Descriptions.Item>
              <Descriptions.Item label={f('signed_on')}>{c.signed_on ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('terminated_reason')}>{c.terminated_reason ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('rights_duties')} span={3}>{c.rights_duties ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('specs')} span={3}>{c.specs ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('breach_terms')} span={3}>{c.breach_terms ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col span={24}><ContractLinesCard contractId={c.id} /></Col>
          <Col xs={24} lg={12}>
            <ApprovalPanel recordType="contract" recordId={c.id} ownerId={c.status === 'draft' ? c.owner_id : undefined} onChange={refresh} />
          </Col>
          <Col xs={24} lg={12}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <SigningCard contract={c} canAct={canAct} onChange={refresh} />
              <ArchiveCard contract={c} isArchivist={roles.includes('archivist') || roles.includes('admin')} onChange={refresh} />
              <DraftsCard contractId={c.id} />
            </Space>
          </Col>
          <Col span={24}><PaymentPlanCard contract={c} canAct={canAct} isFinance={roles.includes('finance')} onChange={refresh} onCollected={collected} /></Col>
          <Col span={24}><RelatedCard contractId={c.id} canWork={canAct && ['signed', 'executing'].includes(c.status)} onChange={refresh} /></Col>
          <ChangeRequestModal contractId={c.id} open={changing} onClose={() => setChanging(false)}
            onDone={() => { setChanging(false); void invalidate({ resource: 'contract_changes', invalidates: ['list'] }); }} />
          <Col span={24}><RecordHistory table="contracts" recordId={c.id} recordType="contract" fieldNamespace="contracts" /></Col>
        </Row>
      )}
    </Show>
  );
}
