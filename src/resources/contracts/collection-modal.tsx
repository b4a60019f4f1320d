// A collection action (催收) on an overdue instalment: kind, result, next step; the database
// accepts it only for an overdue instalment, from the contract's scope or finance.
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useCreate } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { InstalmentRecord } from './options.ts';

const KINDS = ['letter', 'call', 'visit', 'escalation', 'legal'] as const;

interface CollectionValues { kind: string; result?: string; next_step?: string; next_on?: Dayjs }

export function CollectionModal({ instalment, onClose, onDone }: { instalment: InstalmentRecord | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`contracts.related.fields.${c}`);
  const [form] = Form.useForm<CollectionValues>();
  const { mutateAsync, mutation } = useCreate();
  const save = async (v: CollectionValues) => {
    await mutateAsync({
      resource: 'collection_actions',
      values: { ...v, instalment_id: instalment!.id, next_on: v.next_on ? v.next_on.format('YYYY-MM-DD') : null },
      successNotification: () => ({ type: 'success', message: t('contracts.done.collection') }),
    });
    onDone();
  };
  return (
    <Modal open={instalment !== null} title={t('contracts.actions.collect')} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={mutation.isPending} destroyOnHidden okButtonProps={{ id: 'collection-ok' }}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'call' }} onFinish={(v) => void save(v).catch(() => undefined)}>
        <Form.Item name="kind" label={f('kind')} rules={[{ required: true, message: t('errors.required') }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`contracts.related.collectionKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="result" label={f('result')} rules={[{ max: 1000 }]}><Input.TextArea rows={2} data-testid="collection-result" /></Form.Item>
        <Form.Item name="next_step" label={f('next_step')} rules={[{ max: 500 }]}><Input /></Form.Item>
        <Form.Item name="next_on" label={f('next_on')}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}
