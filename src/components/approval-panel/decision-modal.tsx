// One modal for every approval decision: a comment (required to reject) and, to transfer, the person.
import { Form, Input, Modal, Select } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { decide, transfer, type Decision } from './approval-api.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';

export type DecisionKind = Decision | 'transfer';

export function DecisionModal({ kind, requestId, onClose, onDone }: {
  kind: DecisionKind | null;
  requestId: string;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment?: string; to_user?: string }>();
  const [busy, setBusy] = useState(false);
  const apiMessage = useApiMessage();
  const { selectProps } = useSelect({
    resource: 'profiles',
    optionLabel: 'full_name',
    optionValue: 'id',
    filters: [{ field: 'status', operator: 'eq', value: 'active' }],
    onSearch: (value) => [{ field: 'full_name', operator: 'contains', value }],
    queryOptions: { enabled: kind === 'transfer' },
  });

  const run = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      if (kind === 'transfer') await transfer(requestId, values.to_user!, values.comment);
      else await decide(kind!, requestId, values.comment);
      apiMessage.success(t(`approval.done.${kind}`));
      form.resetFields();
      onDone();
    } catch (error) {
      apiMessage.error(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={kind !== null}
      title={kind ? t(`approval.actions.${kind}`) : ''}
      okText={t('buttons.confirm')}
      cancelText={t('buttons.cancel')}
      confirmLoading={busy}
      onOk={() => void run()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {kind === 'transfer' && (
          <Form.Item name="to_user" label={t('approval.fields.to_user')} rules={[{ required: true, message: t('errors.required') }]}>
            <Select {...selectProps} showSearch data-testid="transfer-select" />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label={t('approval.fields.comment')}
          rules={[{ required: kind === 'reject' || kind === 'comment', message: t('approval.errors.comment_required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="decision-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
