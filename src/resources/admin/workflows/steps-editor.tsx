// The ordered steps of a workflow: who approves (rule, role or named person), all/any, an optional
// condition (JSON, validated like the engine reads it) and the record status while waiting.
import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useCreate, useDelete, useList, useUpdate } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { APP_ROLES } from '../../../providers/roles.ts';
import { parseCondition } from './condition.ts';

const RULES = ['role', 'group_leader', 'deputy_in_charge', 'dept_manager', 'named_user'] as const;

interface StepRow {
  id: string;
  step_no: number;
  name: string;
  approver_rule: (typeof RULES)[number];
  approver_role: string | null;
  approver_user_id: string | null;
  mode: 'any' | 'all';
  condition: object | null;
  record_status: string | null;
}

type StepForm = Omit<StepRow, 'id' | 'condition'> & { condition_text?: string };

export function StepsEditor({ workflowId }: { workflowId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StepForm>();
  const [editing, setEditing] = useState<StepRow | 'new' | null>(null);
  const rule = Form.useWatch('approver_rule', form);
  const { result, query } = useList<StepRow>({
    resource: 'workflow_steps',
    filters: [{ field: 'workflow_id', operator: 'eq', value: workflowId }],
    sorters: [{ field: 'step_no', order: 'asc' }],
    pagination: { mode: 'off' },
  });
  const { selectProps: userProps } = useSelect({
    resource: 'profiles',
    optionLabel: 'full_name',
    optionValue: 'id',
    defaultValue: editing && editing !== 'new' ? editing.approver_user_id ?? undefined : undefined,
    onSearch: (value) => [{ field: 'full_name', operator: 'contains', value }],
  });
  const { mutateAsync: create } = useCreate();
  const { mutateAsync: update } = useUpdate();
  const { mutate: remove } = useDelete();
  const steps = result?.data ?? [];

  const open = (row: StepRow | 'new') => {
    setEditing(row);
    form.resetFields();
    if (row === 'new') form.setFieldsValue({ step_no: (steps.at(-1)?.step_no ?? 0) + 1, mode: 'any', approver_rule: 'dept_manager' });
    else form.setFieldsValue({ ...row, condition_text: row.condition ? JSON.stringify(row.condition, null, 2) : '' });
  };

  const save = async () => {
    const { condition_text, ...values } = await form.validateFields();
    const values2 = {
      ...values,
      approver_role: values.approver_rule === 'role' ? values.approver_role : null,
      approver_user_id: values.approver_rule === 'named_user' ? values.approver_user_id : null,
      record_status: values.record_status || null,
      condition: parseCondition(condition_text),
    };
    if (editing === 'new') await create({ resource: 'workflow_steps', values: { ...values2, workflow_id: workflowId } });
    else if (editing) await update({ resource: 'workflow_steps', id: editing.id, values: values2 });
    setEditing(null);
    void query.refetch();
  };

  return (
    <Card size="small" title={t('workflow_definitions.steps')} extra={<Button onClick={() => open('new')}>{t('workflow_definitions.actions.addStep')}</Button>}>
      <Table<StepRow> dataSource={steps} rowKey="id" pagination={false} size="small">
        <Table.Column<StepRow> dataIndex="step_no" title="#" />
        <Table.Column<StepRow> dataIndex="name" title={t('workflow_steps.fields.name')} />
        <Table.Column<StepRow>
          title={t('workflow_steps.fields.approver_rule')}
          render={(_, r) =>
            `${t(`workflow_steps.rule.${r.approver_rule}`)}${r.approver_role ? ` · ${t(`roles.${r.approver_role}`)}` : ''}`
          }
        />
        <Table.Column<StepRow> dataIndex="mode" title={t('workflow_steps.fields.mode')} render={(v: string) => t(`workflow_steps.mode.${v}`)} />
        <Table.Column<StepRow> dataIndex="condition" title={t('workflow_steps.fields.condition')} render={(v: object | null) => (v ? <code>{JSON.stringify(v)}</code> : '—')} />
        <Table.Column<StepRow> dataIndex="record_status" title={t('workflow_steps.fields.record_status')} />
        <Table.Column<StepRow>
          title={t('table.actions')}
          render={(_, r) => (
            <Space>
              <Button size="small" onClick={() => open(r)}>{t('buttons.edit')}</Button>
              <Popconfirm
                title={t('buttons.confirm')}
                onConfirm={() => remove({ resource: 'workflow_steps', id: r.id }, { onSuccess: () => void query.refetch() })}
              >
                <Button size="small" danger>{t('buttons.delete')}</Button>
              </Popconfirm>
            </Space>
          )}
        />
      </Table>
      <Modal open={editing !== null} title={t('workflow_definitions.steps')} onOk={() => void save().catch(() => undefined)} onCancel={() => setEditing(null)} destroyOnHidden forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="step_no" label={t('workflow_steps.fields.step_no')} rules={[{ required: true, type: 'integer', min: 1, max: 50, message: t('errors.required') }]}>
            <InputNumber min={1} max={50} />
          </Form.Item>
          <Form.Item name="name" label={t('workflow_steps.fields.name')} rules={[{ required: true, max: 100, message: t('errors.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="approver_rule" label={t('workflow_steps.fields.approver_rule')} rules={[{ required: true }]}>
            <Select options={RULES.map((r) => ({ value: r, label: t(`workflow_steps.rule.${r}`) }))} />
          </Form.Item>
          {rule === 'role' && (
            <Form.Item name="approver_role" label={t('workflow_steps.fields.approver_role')} rules={[{ required: true, message: t('errors.required') }]}>
              <Select options={APP_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          )}
          {rule === 'named_user' && (
            <Form.Item name="approver_user_id" label={t('workflow_steps.fields.approver_user_id')} rules={[{ required: true, message: t('errors.required') }]}>
              <Select {...userProps} showSearch />
            </Form.Item>
          )}
          <Form.Item name="mode" label={t('workflow_steps.fields.mode')}>
            <Select options={['any', 'all'].map((m) => ({ value: m, label: t(`workflow_steps.mode.${m}`) }))} />
          </Form.Item>
          <Form.Item
            name="condition_text"
            label={t('workflow_steps.fields.condition')}
            extra={t('workflow_steps.conditionHelp')}
            rules={[
              {
                validator: async (_, value: string) => {
                  try {
                    parseCondition(value);
                  } catch (key) {
                    throw new Error(t(String(key)));
                  }
                },
              },
            ]}
          >
            <Input.TextArea rows={4} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item name="record_status" label={t('workflow_steps.fields.record_status')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
