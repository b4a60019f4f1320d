// Home: my pending approvals count, what I submitted that is still open, recent notifications,
// and quick links for what my roles may use.
import { Card, Col, Row, Statistic, Typography, Space, Button } from 'antd';
import { CanAccess, useList } from '@refinedev/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { NotificationList } from '../../components/notification-list.tsx';
import { QUICK_LINKS } from './quick-links.ts';

export default function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const waiting = useList({
    resource: 'approval_tasks',
    filters: [
      { field: 'approver_id', operator: 'eq', value: me?.id },
      { field: 'status', operator: 'eq', value: 'pending' },
    ],
    pagination: { pageSize: 1 },
    queryOptions: { enabled: Boolean(me) },
  });
  const submitted = useList({
    resource: 'approval_requests',
    filters: [
      { field: 'submitted_by', operator: 'eq', value: me?.id },
      { field: 'status', operator: 'eq', value: 'pending' },
    ],
    pagination: { pageSize: 1 },
    queryOptions: { enabled: Boolean(me) },
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('home.welcome', { name: me?.name ?? '' })}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card>
            <Link to="/inbox">
              <Statistic title={t('home.waitingForMe')} value={waiting.result?.total ?? 0} data-testid="inbox-count" />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Link to="/inbox?tab=submitted">
              <Statistic title={t('home.mySubmittedOpen')} value={submitted.result?.total ?? 0} />
            </Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t('home.quickLinks')} size="small">
            <Space wrap>
              {QUICK_LINKS.map((l) => (
                <CanAccess key={l.key} resource={l.resource} action="list">
                  <Link to={l.to}>
                    <Button data-testid={`quick-${l.key}`}>{t(`home.links.${l.key}`)}</Button>
                  </Link>
                </CanAccess>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
      <Card title={t('home.recentNotifications')} size="small">
        <NotificationList pageSize={5} />
      </Card>
    </Space>
  );
}
