// Reassign the selected customers to a colleague (reassign_customers RPC; the database checks
// that both the customers and the receiver are within the caller's scope).
import { useState } from 'react';
import { Form, Modal, Select, type SelectProps } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { reassignCustomers } from './customer-api.ts';

interface Props {
  ids: string[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function ReassignModal({ ids, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [toUser, setToUser] = useState<string>();
  const [saving, setSaving] = useState(false);
  const { selectProps } = useSelect({
    resource: 'profiles',
    optionLabel: 'full_name',
    optionValue: 'id',
    filters: [{ field: 'status', operator: 'eq', value: 'active' }],
    sorters: [{ field: 'full_name', order: 'asc' }],
    onSearch: (value) => [{ field: 'full_name', operator: 'contains', value }],
    pagination: { pageSize: 50 },
  });
  const submit = async () => {
    if (!toUser) return;
    setSaving(true);
    try {
      const moved = await reassignCustomers(ids, toUser);
      apiMessage.success(t('customers.reassign.done', { count: moved }));
      setToUser(undefined);
      onDone();
    } catch (error) {
      apiMessage.error(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('customers.reassign.title', { count: ids.length })}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !toUser, loading: saving }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('customers.reassign.to')} required>
          <Select
            {...(selectProps as SelectProps<string>)}
            showSearch
            value={toUser}
            onChange={setToUser}
            placeholder={t('customers.reassign.placeholder')}
            data-testid="reassign-to"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
