// Payment plan: instalments (added and removed until the plan is submitted; the database checks
// they add up to the contract amount), what is paid, overdue flags, and finance's payments.
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCreate, useDelete, useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { submitPaymentPlan } from './contract-api.ts';
import { PaymentModal } from './payment-modal.tsx';
import { CollectionModal } from './collection-modal.tsx';
import type { ContractRecord, InstalmentRecord } from './options.ts';

interface PaymentRow { id: string; amount: number; received_on: string; method: string; reference: string | null; instalment: { seq: number } | null }

export function PaymentPlanCard({ contract, canAct, isFinance, onChange, onCollected }: {
  contract: ContractRecord; canAct: boolean; isFinance: boolean; onChange: () => void; onCollected: () => void;
}) {
  const { t } = useTranslation();
  const f = (c: string) => t(`payments.fields.${c}`);
  const apiMessage = useApiMessage();
  const [paying, setPaying] = useState<InstalmentRecord | null>(null);
  const [collecting, setCollecting] = useState<InstalmentRecord | null>(null);
  const [form] = Form.useForm<{ due_on: Dayjs; amount: number; condition?: string }>();
  const instalments = useList<InstalmentRecord>({
    resource: 'payment_instalments',
    filters: [{ field: 'contract_id', operator: 'eq', value: contract.id }],
    sorters: [{ field: 'seq', order: 'asc' }],
    pagination: { mode: 'off' },
    meta: { select: 'id, seq, due_on, amount, condition, paid_amount, overdue' },
  });
  const payments = useList<PaymentRow>({
    resource: 'payments',
    filters: [{ field: 'contract_id', operator: 'eq', value: contract.id }],
    sorters: [{ field: 'received_on', order: 'asc' }],
    pagination: { mode: 'off' },
    meta: { select: 'id, amount, received_on, method, reference, instalment:payment_instalments(seq)' },
  });
  const { mutateAsync: create } = useCreate();
  const { mutateAsync: remove } = useDelete();
  const rows = instalments.result.data;
  const editable = canAct && !contract.payment_plan_submitted_at && !['completed', 'terminated'].includes(contract.status);
  const payable = isFinance && ['signed', 'executing'].includes(contract.status);
  const refresh = () => {
    void instalments.query.refetch();
    void payments.query.refetch();
    onChange();
  };
  const add = async (v: { due_on: Dayjs; amount: number; condition?: string }) => {
    const seq = rows.reduce((m, r) => Math.max(m, r.seq), 0) + 1;
    await create({ resource: 'payment_instalments', values: { contract_id: contract.id, seq, due_on: v.due_on.format('YYYY-MM-DD'), amount: v.amount, condition: v.condition ?? null }, successNotification: false });
    form.resetFields();
    refresh();
  };
  const submit = async () => {
    try {
      await submitPaymentPlan(contract.id);
      apiMessage.success(t('contracts.done.plan_submitted'));
      refresh();
    } catch (error) {
      apiMessage.error(error);
    }
  };
  const planned = rows.reduce((s, r) => s + Number(r.amount), 0);
  return (
    <Card size="small" title={t('contracts.cards.plan')} data-testid="plan-card"
      extra={contract.payment_plan_submitted_at ? <Tag color="green">{t('contracts.planSubmitted')}</Tag> : <Tag>{t('contracts.planDraft')}</Tag>}>
      <Table<InstalmentRecord> size="small" rowKey="id" pagination={false} loading={instalments.query.isLoading} dataSource={rows} data-testid="instalments">
        <Table.Column<InstalmentRecord> dataIndex="seq" title="#" />
        <Table.Column<InstalmentRecord> dataIndex="due_on" title={f('due_on')} />
        <Table.Column<InstalmentRecord> dataIndex="amount" title={f('instalment_amount')} />
        <Table.Column<InstalmentRecord> dataIndex="paid_amount" title={f('paid')} render={(v: number) => <span data-testid="instalment-paid">{v}</span>} />
        <Table.Column<InstalmentRecord> dataIndex="condition" title={f('condition')} />
        <Table.Column<InstalmentRecord> dataIndex="overdue" title={f('overdue')} render={(v: boolean) => (v ? <Tag color="red">{t('payments.overdue')}</Tag> : null)} />
        <Table.Column<InstalmentRecord> title={t('table.actions')} render={(_, r) => (
          <Space>
            {payable && Number(r.paid_amount) < Number(r.amount) && (
              <Button size="small" type="primary" onClick={() => setPaying(r)} data-testid="record-payment">{t('payments.record')}</Button>
            )}
            {r.overdue && (canAct || isFinance) && (
              <Button size="small" onClick={() => setCollecting(r)} data-testid="collect">{t('contracts.actions.collect')}</Button>
            )}
            {editable && (
              <Popconfirm title={t('contracts.confirmRemove')} onConfirm={() => void remove({ resource: 'payment_instalments', id: r.id, successNotification: false }).then(refresh)}>
                <Button size="small" danger>{t('buttons.delete')}</Button>
              </Popconfirm>
            )}
          </Space>
        )} />
      </Table>
      <Typography.Text type="secondary">{t('contracts.planTotal', { planned, amount: contract.amount })}</Typography.Text>
      {editable && (
        <>
          <Form form={form} layout="inline" style={{ marginTop: 12 }} onFinish={(v) => void add(v).catch(() => undefined)}>
            <Form.Item name="due_on" rules={[{ required: true, message: t('errors.required') }]}><DatePicker placeholder={f('due_on')} data-testid="instalment-due" /></Form.Item>
            <Form.Item name="amount" rules={[{ required: true, message: t('errors.required') }]}><InputNumber min={0.01} precision={2} placeholder={f('instalment_amount')} data-testid="instalment-amount" /></Form.Item>
            <Form.Item name="condition"><Input placeholder={f('condition')} /></Form.Item>
            <Button htmlType="submit" data-testid="instalment-add">{t('payments.addInstalment')}</Button>
          </Form>
          <Button type="primary" style={{ marginTop: 12 }} onClick={() => void submit()} data-testid="submit-plan">{t('contracts.actions.submit_plan')}</Button>
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('payments.title')}</Typography.Title>
      <Table<PaymentRow> size="small" rowKey="id" pagination={false} dataSource={payments.result.data} data-testid="payments">
        <Table.Column<PaymentRow> title="#" render={(_, r) => r.instalment?.seq} />
        <Table.Column<PaymentRow> dataIndex="received_on" title={f('received_on')} />
        <Table.Column<PaymentRow> dataIndex="amount" title={f('amount')} />
        <Table.Column<PaymentRow> dataIndex="method" title={f('method')} render={(v: string) => t(`payments.method.${v}`)} />
        <Table.Column<PaymentRow> dataIndex="reference" title={f('reference')} />
      </Table>
      <CollectionModal instalment={collecting} onClose={() => setCollecting(null)} onDone={() => { setCollecting(null); onCollected(); }} />
      <PaymentModal instalment={paying} onClose={() => setPaying(null)} onDone={() => { setPaying(null); refresh(); }} />
    </Card>
  );
}
