// A customer page: the file, contacts, visits, the timeline (follow-ups, visits, quotations) and
// the history; follow-up quick-add, claim / release and a new quotation from here.
import { useState } from 'react';
import { Button, Col, Descriptions, Popconfirm, Row, Space, Tag } from 'antd';
import { EditButton, Show } from '@refinedev/antd';
import { useShow } from '@refinedev/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { RecordHistory } from '../../components/record-history.tsx';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { claimCustomer, releaseCustomer } from './customer-api.ts';
import { ContactsCard } from './contacts-card.tsx';
import { FollowUpModal } from './follow-up-modal.tsx';
import { TimelineCard } from './timeline-card.tsx';
import { VisitsCard } from './visits-card.tsx';
import type { CustomerRecord } from './options.ts';

export default function CustomerShow() {
  const { t } = useTranslation();
  const f = (c: string) => t(`customers.fields.${c}`);
  const me = useCurrentUser();
  const navigate = useNavigate();
  const apiMessage = useApiMessage();
  const [followUpOpen, setFollowUpOpen] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const { query } = useShow<CustomerRecord>({
    resource: 'customers',
    meta: { select: '*, owner:profiles!customers_owner_id_fkey(full_name), group:business_groups!customers_group_id_fkey(name)' },
  });
  const c = query.data?.data;
  const refresh = () => {
    setRefreshKey((k) => k + 1);
    void query.refetch();
  };
  const run = async (action: () => Promise<void>, done: string) => {
    try {
      await action();
      apiMessage.success(t(done));
      refresh();
    } catch (error) {
      apiMessage.error(error);
    }
  };
  const mine = c?.owner_id === me?.id;
  return (
    <Show
      breadcrumb={false}
      isLoading={query.isLoading}
      title={c?.name}
      headerButtons={c && (
        <Space>
          <Button type="primary" onClick={() => setFollowUpOpen(true)} data-testid="add-follow-up">{t('follow_ups.actions.add')}</Button>
          <Button onClick={() => navigate(`/quotations/create?customer_id=${c.id}`)}>{t('quotations.actions.create')}</Button>
          {c.owner_id === null && <Button onClick={() => void run(() => claimCustomer(c.id), 'customers.claimed')}>{t('customers.actions.claim')}</Button>}
          {mine && (
            <Popconfirm title={t('customers.confirmRelease')} onConfirm={() => void run(() => releaseCustomer(c.id), 'customers.released')}>
              <Button>{t('customers.actions.release')}</Button>
            </Popconfirm>
          )}
          <EditButton recordItemId={c.id} />
        </Space>
      )}
    >
      {c && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={f('level')}><Tag color={c.level === 'key' ? 'gold' : undefined}>{t(`customers.level.${c.level}`)}</Tag></Descriptions.Item>
              <Descriptions.Item label={f('stage')}>{t(`customers.stage.${c.stage}`)}</Descriptions.Item>
              <Descriptions.Item label={f('source')}>{c.source ? t(`customers.source.${c.source}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={f('owner_id')}>{c.owner?.full_name ?? t('customers.scope.pool')}</Descriptions.Item>
              <Descriptions.Item label={f('group_id')}>{c.group?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('industry')}>{c.industry ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('address')} span={2}>{[c.city, c.address].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
              <Descriptions.Item label={f('tags')}>{c.tags.map((x) => <Tag key={x}>{x}</Tag>)}</Descriptions.Item>
              <Descriptions.Item label={f('demand_intent')} span={2}>{c.demand_intent ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('budget')}>{c.budget != null ? `${c.currency} ${c.budget}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={f('purchase_preferences')} span={3}>{c.purchase_preferences ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('credit_rating')}>{c.credit_rating ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('credit_limit')}>{c.credit_limit ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('credit_term_days')}>{c.credit_term_days ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('last_follow_up_at')}>{c.last_follow_up_at ? dayjs(c.last_follow_up_at).format('YYYY-MM-DD HH:mm') : '—'}</Descriptions.Item>
              <Descriptions.Item label={f('next_follow_up_on')}>{c.next_follow_up_on ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('revisit_interval_days')}>{c.revisit_interval_days ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col xs={24} lg={12}>
            <Space direction="vertical" style={{ width: '100%' }} size={16}>
              <ContactsCard customerId={c.id} editable />
              <VisitsCard customerId={c.id} onChange={refresh} />
            </Space>
          </Col>
          <Col xs={24} lg={12}>
            <TimelineCard customerId={c.id} refreshKey={refreshKey} />
          </Col>
          <Col span={24}>
            <RecordHistory table="customers" recordId={c.id} fieldNamespace="customers" />
          </Col>
        </Row>
      )}
      {c && (
        <FollowUpModal
          customerId={c.id}
          open={followUpOpen}
          onClose={(saved) => {
            setFollowUpOpen(false);
            if (saved) {
              apiMessage.success(t('follow_ups.saved'));
              refresh();
            }
          }}
        />
      )}
    </Show>
  );
}
