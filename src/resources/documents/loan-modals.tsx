// The borrowing register's two forms: asking to borrow (a library document or a named paper item)
// and approving a request with its due date.
import { DatePicker, Form, Input, Modal, Select, type SelectProps } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { supabase } from '../../providers/supabase-client.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { useCurrentUser } from '../../hooks/use-current-user.ts';

interface LoanValues { document_id?: string; item_name?: string; purpose?: string }

export function LoanRequestModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`document_loans.fields.${c}`);
  const me = useCurrentUser();
  const apiMessage = useApiMessage();
  const [form] = Form.useForm<LoanValues>();
  const { selectProps } = useSelect({
    resource: 'documents', optionLabel: 'title', optionValue: 'id',
    onSearch: (v) => [{ field: 'title', operator: 'contains', value: v }],
  });
  const save = async (v: LoanValues) => {
    const { error } = await supabase.from('document_loans').insert({
      document_id: v.document_id ?? null, item_name: v.item_name?.trim() || null, purpose: v.purpose || null, borrower_id: me?.id,
    });
    if (error) return apiMessage.error(error);
    form.resetFields();
    onDone();
  };
  return (
    <Modal open={open} title={t('document_loans.new')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden okButtonProps={{ id: 'loan-ok' }}>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void save(v)}>
        <Form.Item name="document_id" label={f('document_id')}>
          <Select {...(selectProps as SelectProps)} allowClear showSearch />
        </Form.Item>
        <Form.Item name="item_name" label={f('item_name')} dependencies={['document_id']} rules={[
          { max: 200 },
          ({ getFieldValue }) => ({
            validator: (_, v?: string) => (getFieldValue('document_id') || v?.trim() ? Promise.resolve() : Promise.reject(new Error(t('errors.required')))),
          }),
        ]}>
          <Input data-testid="loan-item" />
        </Form.Item>
        <Form.Item name="purpose" label={f('purpose')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} data-testid="loan-purpose" /></Form.Item>
      </Form>
    </Modal>
  );
}

export function LoanApproveModal({ loanId, onClose, onApprove }: { loanId: string | null; onClose: () => void; onApprove: (id: string, dueOn: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ due_on: Dayjs }>();
  return (
    <Modal open={loanId !== null} title={t('document_loans.actions.approve')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden okButtonProps={{ id: 'loan-approve-ok' }}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ due_on: dayjs().add(14, 'day') }}
        onFinish={(v) => onApprove(loanId!, v.due_on.format('YYYY-MM-DD'))}>
        <Form.Item name="due_on" label={t('document_loans.fields.due_on')} rules={[{ required: true, message: t('errors.required') }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
