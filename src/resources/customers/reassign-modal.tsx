// Reassign the selected customers to a colleague (reassign_customers RPC; the database checks
// that both the customers and the receiver are within the caller's scope).
import { useState } from 'react';
import { Form, Modal, Select, type SelectProps } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { reassignCustomers } from './customer-api.ts';

interface Props {
  ids: string[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function ReassignModal({ ids, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [toUser, setToUser] = useState<string>();
  const { selectProps } = useSelect({
    resource: 'profiles',
    optionLabel: 'full_name',
    optionValue: 'id',
    filters: [{ field: 'status', operator: 'eq', value: 'active' }],
    sorters: [{ field: 'full_name', order: 'asc' }],
    onSearch: (value) => [{ field: 'full_name', operator: 'contains', value }],
    pagination: { pageSize: 50 },
  });
  const { run: submit, running: saving } = useApiAction(async (receiver: string) => {
    const moved = await reassignCustomers(ids, receiver);
    setToUser(undefined);
    onDone();
    return t('customers.reassign.done', { count: moved });
  });
  return (
    <Modal
      open={open}
      title={t('customers.reassign.title', { count: ids.length })}
      onCancel={onClose}
      onOk={() => void (toUser && submit(toUser))}
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
