// A customer's contacts: list, add and edit in a modal, remove.
import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useCreate, useDelete, useList, useUpdate } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { EMAIL_PATTERN, PHONE_PATTERN } from './options.ts';

export interface ContactRow {
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  is_primary: boolean;
}

export function ContactsCard({ customerId, editable }: { customerId: string; editable: boolean }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`contacts.fields.${c}`);
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<ContactRow | 'new' | null>(null);
  const { result, query } = useList<ContactRow>({
    resource: 'contacts',
    filters: [{ field: 'customer_id', operator: 'eq', value: customerId }],
    sorters: [{ field: 'is_primary', order: 'desc' }, { field: 'name', order: 'asc' }],
    pagination: { mode: 'off' },
  });
  const { mutateAsync: create } = useCreate();
  const { mutateAsync: update } = useUpdate();
  const { mutate: remove } = useDelete();
  const open = (row: ContactRow | 'new') => {
    form.resetFields();
    if (row !== 'new') form.setFieldsValue(row);
    setEditing(row);
  };
  const save = async () => {
    const values = await form.validateFields();
    if (editing === 'new') await create({ resource: 'contacts', values: { ...values, customer_id: customerId } });
    else if (editing) await update({ resource: 'contacts', id: editing.id, values });
    setEditing(null);
    void query.refetch();
  };
  return (
    <Card
      size="small"
      title={t('contacts.title')}
      extra={editable && <Button size="small" onClick={() => open('new')} data-testid="add-contact">{t('contacts.actions.add')}</Button>}
    >
      <Table<ContactRow> size="small" rowKey="id" pagination={false} dataSource={result?.data ?? []} loading={query.isLoading}>
        <Table.Column<ContactRow> dataIndex="name" title={f('name')} render={(v, r) => <Space>{v}{r.is_primary && <Tag color="blue">{f('is_primary')}</Tag>}</Space>} />
        <Table.Column<ContactRow> dataIndex="title" title={f('title')} />
        <Table.Column<ContactRow> dataIndex="phone" title={f('phone')} />
        <Table.Column<ContactRow> dataIndex="email" title={f('email')} />
        {editable && (
          <Table.Column<ContactRow>
            title={t('table.actions')}
            render={(_, r) => (
              <Space>
                <Button size="small" onClick={() => open(r)}>{t('buttons.edit')}</Button>
                <Popconfirm title={t('buttons.confirm')} onConfirm={() => remove({ resource: 'contacts', id: r.id }, { onSuccess: () => void query.refetch() })}>
                  <Button size="small" danger>{t('buttons.delete')}</Button>
                </Popconfirm>
              </Space>
            )}
          />
        )}
      </Table>
      <Modal open={editing !== null} title={t(editing === 'new' ? 'contacts.actions.add' : 'contacts.actions.edit')} onOk={() => void save()} onCancel={() => setEditing(null)} destroyOnClose>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={f('name')} rules={[{ required: true, message: t('errors.required') }]}>
            <Input data-testid="contact-name" />
          </Form.Item>
          <Form.Item name="title" label={f('title')}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={f('phone')} rules={[{ pattern: PHONE_PATTERN, message: t('errors.phone') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={f('email')} rules={[{ pattern: EMAIL_PATTERN, message: t('contacts.errors.email') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="is_primary" valuePropName="checked" initialValue={false}>
            <Checkbox>{f('is_primary')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
