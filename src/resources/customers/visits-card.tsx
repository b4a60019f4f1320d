// Visit plans of a customer: plan one (date, purpose, talking points), then record the outcome.
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Table } from 'antd';
import { useCreate, useList, useUpdate } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { StatusTag } from '../../components/status-tag.tsx';

interface VisitRow { id: string; planned_on: string; purpose: string; talking_points: string | null; status: string; outcome: string | null; customer_feedback: string | null }

export function VisitsCard({ customerId, onChange }: { customerId: string; onChange: () => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`visit_plans.fields.${c}`);
  const [planForm] = Form.useForm();
  const [outcomeForm] = Form.useForm();
  const [planning, setPlanning] = useState(false);
  const [recording, setRecording] = useState<VisitRow | null>(null);
  const { result, query } = useList<VisitRow>({
    resource: 'visit_plans',
    filters: [{ field: 'customer_id', operator: 'eq', value: customerId }],
    sorters: [{ field: 'planned_on', order: 'desc' }],
    pagination: { pageSize: 20 },
  });
  const { mutateAsync: create } = useCreate();
  const { mutateAsync: update } = useUpdate();
  const done = () => {
    void query.refetch();
    onChange();
  };
  const plan = async () => {
    const v = await planForm.validateFields();
    await create({ resource: 'visit_plans', values: { ...v, customer_id: customerId, planned_on: (v.planned_on as Dayjs).format('YYYY-MM-DD') } });
    setPlanning(false);
    planForm.resetFields();
    done();
  };
  const record = async () => {
    const v = await outcomeForm.validateFields();
    await update({ resource: 'visit_plans', id: recording!.id, values: { ...v, status: 'done', visited_at: new Date().toISOString() } });
    setRecording(null);
    done();
  };
  return (
    <Card size="small" title={t('visit_plans.title')} extra={<Button size="small" onClick={() => setPlanning(true)}>{t('visit_plans.actions.plan')}</Button>}>
      <Table<VisitRow> size="small" rowKey="id" pagination={false} dataSource={result?.data ?? []}>
        <Table.Column<VisitRow> dataIndex="planned_on" title={f('planned_on')} />
        <Table.Column<VisitRow> dataIndex="purpose" title={f('purpose')} />
        <Table.Column<VisitRow> dataIndex="status" title={f('status')} render={(v: string) => <StatusTag value={v} namespace="visit_plans.status" />} />
        <Table.Column<VisitRow> dataIndex="outcome" title={f('outcome')} />
        <Table.Column<VisitRow>
          title={t('table.actions')}
          render={(_, r) => r.status === 'planned' && <Button size="small" onClick={() => { outcomeForm.resetFields(); setRecording(r); }}>{t('visit_plans.actions.record')}</Button>}
        />
      </Table>
      <Modal open={planning} title={t('visit_plans.actions.plan')} onOk={() => void plan()} onCancel={() => setPlanning(false)}>
        <Form form={planForm} layout="vertical">
          <Form.Item name="planned_on" label={f('planned_on')} rules={[{ required: true, message: t('errors.required') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="purpose" label={f('purpose')} rules={[{ required: true, whitespace: true, message: t('errors.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="talking_points" label={f('talking_points')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={recording !== null} title={t('visit_plans.actions.record')} onOk={() => void record()} onCancel={() => setRecording(null)}>
        <Form form={outcomeForm} layout="vertical">
          <Form.Item name="outcome" label={f('outcome')} rules={[{ required: true, whitespace: true, message: t('errors.required') }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="customer_feedback" label={f('customer_feedback')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
