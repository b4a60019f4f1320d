// Quotation lines: product picked by name (fills spec, unit, list price), quantity, unit price and
// discount; the database computes line and quotation totals. Editable while the quotation is a draft.
import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Typography } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useCreate, useDelete, useList } from '@refinedev/core';
import { useTranslation } from 'react-i18next';

interface LineRow { id: string; line_no: number; product_name: string; spec: string | null; unit: string | null; quantity: number; unit_price: number; discount: number; line_total: number }
interface ProductOption { id: string; name: string; spec: string | null; unit: string; list_price: number }

export function LinesCard({ quotationId, editable, currency, total, onChange }: {
  quotationId: string; editable: boolean; currency: string; total: number; onChange: () => void;
}) {
  const { t } = useTranslation();
  const f = (c: string) => t(`quotation_lines.fields.${c}`);
  const [form] = Form.useForm();
  const [adding, setAdding] = useState(false);
  const { result, query } = useList<LineRow>({
    resource: 'quotation_lines',
    filters: [{ field: 'quotation_id', operator: 'eq', value: quotationId }],
    sorters: [{ field: 'line_no', order: 'asc' }],
    pagination: { mode: 'off' },
  });
  const { selectProps, query: products } = useSelect<ProductOption>({
    resource: 'products',
    optionLabel: 'name',
    optionValue: 'id',
    filters: [{ field: 'active', operator: 'eq', value: true }],
    onSearch: (value) => [{ field: 'name', operator: 'contains', value }],
  });
  const { mutateAsync: create } = useCreate();
  const { mutate: remove } = useDelete();
  const lines = result?.data ?? [];
  const changed = () => {
    void query.refetch();
    onChange();
  };
  const pickProduct = (id: string) => {
    const p = products.data?.data.find((x) => x.id === id);
    if (p) form.setFieldsValue({ product_name: p.name, spec: p.spec, unit: p.unit, unit_price: p.list_price });
  };
  const add = async () => {
    const values = await form.validateFields();
    const nextNo = lines.reduce((n, l) => Math.max(n, l.line_no), 0) + 1;
    await create({ resource: 'quotation_lines', values: { ...values, quotation_id: quotationId, line_no: nextNo } });
    setAdding(false);
    form.resetFields();
    changed();
  };
  return (
    <Card size="small" title={t('quotation_lines.title')} extra={editable && <Button size="small" type="primary" onClick={() => setAdding(true)} data-testid="add-line">{t('quotation_lines.actions.add')}</Button>}>
      <Table<LineRow> size="small" rowKey="id" pagination={false} dataSource={lines} loading={query.isLoading}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={6} align="right"><Typography.Text strong>{t('quotations.fields.total_amount')}</Typography.Text></Table.Summary.Cell>
            <Table.Summary.Cell index={1} colSpan={2}><Typography.Text strong data-testid="quotation-total">{currency} {total}</Typography.Text></Table.Summary.Cell>
          </Table.Summary.Row>
        )}>
        <Table.Column<LineRow> dataIndex="line_no" title="#" />
        <Table.Column<LineRow> dataIndex="product_name" title={f('product_name')} />
        <Table.Column<LineRow> dataIndex="spec" title={f('spec')} />
        <Table.Column<LineRow> dataIndex="quantity" title={f('quantity')} render={(v: number, r) => `${v} ${r.unit ?? ''}`} />
        <Table.Column<LineRow> dataIndex="unit_price" title={f('unit_price')} />
        <Table.Column<LineRow> dataIndex="discount" title={f('discount')} render={(v: number) => `${v}%`} />
        <Table.Column<LineRow> dataIndex="line_total" title={f('line_total')} />
        <Table.Column<LineRow> title="" render={(_, r) => editable && (
          <Popconfirm title={t('buttons.confirm')} onConfirm={() => remove({ resource: 'quotation_lines', id: r.id }, { onSuccess: changed })}>
            <Button size="small" danger>{t('buttons.delete')}</Button>
          </Popconfirm>
        )} />
      </Table>
      <Modal open={adding} title={t('quotation_lines.actions.add')} onOk={() => void add()} onCancel={() => setAdding(false)} destroyOnClose>
        <Form form={form} layout="vertical" initialValues={{ quantity: 1, discount: 0 }}>
          <Form.Item name="product_id" label={f('product_id')}>
            <Select {...selectProps} showSearch allowClear onChange={(v) => pickProduct(v as unknown as string)} data-testid="line-product" />
          </Form.Item>
          <Form.Item name="product_name" label={f('product_name')} rules={[{ required: true, whitespace: true, message: t('errors.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="spec" label={f('spec')}><Input /></Form.Item>
          <Form.Item name="unit" label={f('unit')}><Input /></Form.Item>
          <Form.Item name="quantity" label={f('quantity')} rules={[{ required: true, message: t('errors.required') }, { type: 'number', min: 0.001, message: t('quotation_lines.errors.quantity') }]}>
            <InputNumber precision={3} data-testid="line-quantity" />
          </Form.Item>
          <Form.Item name="unit_price" label={f('unit_price')} rules={[{ required: true, message: t('errors.required') }, { type: 'number', min: 0, message: t('customers.errors.non_negative') }]}>
            <InputNumber precision={2} style={{ width: 200 }} data-testid="line-unit-price" />
          </Form.Item>
          <Form.Item name="discount" label={f('discount')} rules={[{ type: 'number', min: 0, max: 100, message: t('quotation_lines.errors.discount') }]}>
            <InputNumber precision={2} addonAfter="%" data-testid="line-discount" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
