// Access requests of a secret document: their state (pending, granted until…, expired, rejected)
// with a link to the request's approval page, and for a reader without a grant the form that asks
// for one (reason, period), sent into the approval engine.
import { Button, Card, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { requestAccess } from './document-api.ts';
import { grantState, type AccessRequestRecord } from './options.ts';

const STATE_COLORS: Record<string, string> = { pending: 'processing', granted: 'success', expired: 'default', rejected: 'error', draft: 'default' };

export function GrantTag({ request }: { request: AccessRequestRecord }) {
  const { t } = useTranslation();
  const state = grantState(request);
  return (
    <Tag color={STATE_COLORS[state]} data-testid="grant-state" data-state={state}>
      {t(`documents.grant.${state}`, { until: request.granted_until ? dayjs(request.granted_until).format('YYYY-MM-DD HH:mm') : '' })}
    </Tag>
  );
}

interface RequestValues { reason: string; period_days: number }

export function AccessRequestsCard({ documentId, requests, showRequester, canRequest, onChange }: {
  documentId: string; requests: AccessRequestRecord[]; showRequester?: boolean; canRequest: boolean; onChange: () => void;
}) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [form] = Form.useForm<RequestValues>();
  const open = requests.some((r) => ['pending', 'granted'].includes(grantState(r)));
  const send = async (v: RequestValues) => {
    try {
      await requestAccess(documentId, v.reason.trim(), v.period_days);
      apiMessage.success(t('documents.request.sent'));
      form.resetFields();
      onChange();
    } catch (error) {
      apiMessage.error(error);
    }
  };
  return (
    <Card size="small" title={t('documents.request.title')} data-testid="access-requests">
      <List size="small" dataSource={requests} locale={{ emptyText: t('documents.request.none') }} renderItem={(r) => (
        <List.Item data-testid="access-request" extra={<Link to={`/documents/access/${r.id}`}>{t('documents.request.open')}</Link>}>
          <Space wrap>
            <GrantTag request={r} />
            {showRequester && <Typography.Text strong>{r.requester?.full_name}</Typography.Text>}
            <span>{r.reason}</span>
            <Typography.Text type="secondary">{t('documents.request.days', { count: r.period_days })} · {dayjs(r.created_at).format('YYYY-MM-DD')}</Typography.Text>
          </Space>
        </List.Item>
      )} />
      {canRequest && !open && (
        <Form form={form} layout="vertical" initialValues={{ period_days: 7 }} onFinish={(v) => void send(v)} style={{ marginTop: 16 }}>
          <Form.Item name="reason" label={t('documents.request.reason')} rules={[{ required: true, whitespace: true, message: t('errors.required') }, { max: 1000 }]}>
            <Input.TextArea rows={2} data-testid="request-reason" />
          </Form.Item>
          <Form.Item name="period_days" label={t('documents.request.period')} rules={[{ required: true, message: t('errors.required') }]}>
            <InputNumber min={1} max={90} precision={0} addonAfter={t('documents.request.dayUnit')} data-testid="request-period" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="request-send">{t('documents.request.send')}</Button>
        </Form>
      )}
    </Card>
  );
}
