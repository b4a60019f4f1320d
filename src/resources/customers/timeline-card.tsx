// The customer's timeline: follow-ups, visits and quotations, newest first (contracts join when
// that module lands).
import { Card, Empty, Tag, Timeline, Typography } from 'antd';
import { useList } from '@refinedev/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';

interface FollowUp { id: string; method: string; content: string; customer_feedback: string | null; next_step: string | null; next_date: string | null; followed_at: string; owner: { full_name: string } | null }
interface Visit { id: string; planned_on: string; purpose: string; status: string; outcome: string | null }
interface Quote { id: string; quote_no: string; status: string; total_amount: number; currency: string; created_at: string }

interface Entry { key: string; at: string; color: string; node: React.ReactNode }

export function TimelineCard({ customerId, refreshKey }: { customerId: string; refreshKey: number }) {
  const { t } = useTranslation();
  const byCustomer = [{ field: 'customer_id', operator: 'eq' as const, value: customerId }];
  const followUps = useList<FollowUp>({
    resource: 'follow_ups', filters: byCustomer, sorters: [{ field: 'followed_at', order: 'desc' }], pagination: { pageSize: 50 },
    meta: { select: 'id, method, content, customer_feedback, next_step, next_date, followed_at, owner:profiles!follow_ups_owner_id_fkey(full_name)' },
    queryOptions: { queryKey: ['timeline-follow-ups', customerId, refreshKey] },
  });
  const visits = useList<Visit>({ resource: 'visit_plans', filters: byCustomer, pagination: { pageSize: 50 }, queryOptions: { queryKey: ['timeline-visits', customerId, refreshKey] } });
  const quotes = useList<Quote>({ resource: 'quotations', filters: byCustomer, pagination: { pageSize: 50 }, meta: { select: 'id, quote_no, status, total_amount, currency, created_at' } });
  const entries: Entry[] = [
    ...(followUps.result?.data ?? []).map((x) => ({
      key: `f${x.id}`, at: x.followed_at, color: 'blue',
      node: (
        <div data-testid="timeline-follow-up">
          <Tag>{t(`follow_ups.method.${x.method}`)}</Tag> <Typography.Text strong>{x.owner?.full_name}</Typography.Text> {x.content}
          {x.customer_feedback && <div>{t('follow_ups.fields.customer_feedback')}: {x.customer_feedback}</div>}
          {x.next_step && <div>{t('follow_ups.fields.next_step')}: {x.next_step}{x.next_date ? ` (${x.next_date})` : ''}</div>}
        </div>
      ),
    })),
    ...(visits.result?.data ?? []).map((x) => ({
      key: `v${x.id}`, at: x.planned_on, color: x.status === 'done' ? 'green' : 'gray',
      node: <div><Tag color="purple">{t('visit_plans.title')}</Tag> {x.purpose} — {t(`visit_plans.status.${x.status}`)}{x.outcome ? `: ${x.outcome}` : ''}</div>,
    })),
    ...(quotes.result?.data ?? []).map((x) => ({
      key: `q${x.id}`, at: x.created_at, color: 'orange',
      node: <div><Tag color="orange">{t('quotations.title')}</Tag> <Link to={`/quotations/show/${x.id}`}>{x.quote_no}</Link> {t(`quotations.status.${x.status}`)} {x.currency} {x.total_amount}</div>,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card size="small" title={t('customers.timeline')} loading={followUps.query.isLoading}>
      {entries.length === 0 ? <Empty /> : (
        <Timeline items={entries.map((e) => ({ key: e.key, color: e.color, children: <><Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD')}</Typography.Text> {e.node}</> }))} />
      )}
    </Card>
  );
}
