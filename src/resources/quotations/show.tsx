// A quotation: header, lines (editable as a draft), the approval panel, the moves after approval
// (sent → accepted / rejected), a printable view and the history.
import { Button, Col, Descriptions, Row, Space } from 'antd';
import { EditButton, Show } from '@refinedev/antd';
import { useShow } from '@refinedev/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApprovalPanel } from '../../components/approval-panel/index.tsx';
import { RecordHistory } from '../../components/record-history.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { LinesCard } from './lines-card.tsx';
import { moveQuotation, type QuotationMove } from './quotation-api.ts';
import { createContractFromQuotation } from '../contracts/contract-api.ts';
import type { QuotationRecord } from './options.ts';

const NEXT: Record<string, QuotationMove[]> = { approved: ['sent'], sent: ['accepted', 'rejected'] };

export default function QuotationShow() {
  const { t } = useTranslation();
  const f = (c: string) => t(`quotations.fields.${c}`);
  const apiMessage = useApiMessage();
  const { query } = useShow<QuotationRecord>({
    resource: 'quotations',
    meta: { select: '*, customer:customers(name), contact:contacts(name, phone), owner:profiles!quotations_owner_id_fkey(full_name)' },
  });
  const q = query.data?.data;
  const refresh = () => void query.refetch();
  const navigate = useNavigate();
  // An accepted or approved quotation becomes a draft contract with its lines copied.
  const toContract = async () => {
    try {
      const contract = await createContractFromQuotation(q!.id);
      navigate(`/contracts/show/${contract.id}`);
    } catch (error) {
      apiMessage.error(error);
    }
  };
  const move = async (to: QuotationMove) => {
    try {
      await moveQuotation(q!.id, to);
      apiMessage.success(t(`quotations.moved.${to}`));
      refresh();
    } catch (error) {
      apiMessage.error(error);
    }
  };
  return (
    <Show
      breadcrumb={false}
      isLoading={query.isLoading}
      title={q ? `${q.quote_no} ${q.title ?? ''}` : undefined}
      headerButtons={q && (
        <Space className="no-print">
          {(NEXT[q.status] ?? []).map((to) => (
            <Button key={to} type={to === 'rejected' ? 'default' : 'primary'} danger={to === 'rejected'} onClick={() => void move(to)} data-testid={`mark-${to}`}>
              {t(`quotations.actions.mark_${to}`)}
            </Button>
          ))}
          {(q.status === 'accepted' || q.status === 'approved') && (
            <Button type="primary" onClick={() => void toContract()} data-testid="create-contract">{t('contracts.actions.from_quotation')}</Button>
          )}
          <Button onClick={() => window.print()}>{t('quotations.actions.print')}</Button>
          {q.status === 'draft' && <EditButton recordItemId={q.id} />}
        </Space>
      )}
    >
      {q && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={f('status')}><span data-testid="quotation-status"><StatusTag value={q.status} namespace="quotations.status" /></span></Descriptions.Item>
              <Descriptions.Item label={f('customer_id')}><Link to={`/customers/show/${q.customer_id}`}>{q.customer?.name}</Link></Descriptions.Item>
              <Descriptions.Item label={f('contact_id')}>{q.contact ? `${q.contact.name} ${q.contact.phone ?? ''}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={f('valid_until')}>{q.valid_until}</Descriptions.Item>
              <Descriptions.Item label={f('delivery_on')}>{q.delivery_on ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('payment_terms')}>{q.payment_terms ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('total_amount')}>{q.currency} {q.total_amount}</Descriptions.Item>
              <Descriptions.Item label={f('max_discount')}>{q.max_discount}%</Descriptions.Item>
              <Descriptions.Item label={f('owner_id')}>{q.owner?.full_name}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col span={24}>
            <LinesCard quotationId={q.id} editable={q.status === 'draft'} currency={q.currency} total={q.total_amount} onChange={refresh} />
          </Col>
          <Col xs={24} lg={12} className="no-print">
            <ApprovalPanel recordType="quotation" recordId={q.id} ownerId={q.owner_id} onChange={refresh} />
          </Col>
          <Col xs={24} lg={12} className="no-print">
            <RecordHistory table="quotations" recordId={q.id} recordType="quotation" fieldNamespace="quotations" />
          </Col>
        </Row>
      )}
    </Show>
  );
}
