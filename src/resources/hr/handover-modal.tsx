// Picks the leaver and the receiver, asks once more, then runs the handover.
import { useRef, useState } from 'react';
import { Form, Input, Modal, Select, type SelectProps } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { handOver, type HandoverSheet } from './handover-api.ts';

interface HandoverValues { leaver_id: string; receiver_id: string; note?: string }

export function HandoverModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (sheet: HandoverSheet) => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`handovers.fields.${c}`);
  const apiMessage = useApiMessage();
  const [form] = Form.useForm<HandoverValues>();
  const [confirming, setConfirming] = useState<HandoverValues | null>(null);
  const [running, setRunning] = useState(false);
  const people = useSelect({
    resource: 'profiles', optionLabel: 'full_name', optionValue: 'id',
    filters: [{ field: 'status', operator: 'eq', value: 'active' }],
    onSearch: (v) => [{ field: 'full_name', operator: 'contains', value: v }],
    pagination: { pageSize: 100 },
  });
  // The options follow the search text: keep every name seen so the confirmation can name both.
  const names = useRef(new Map<string, string>());
  for (const o of people.selectProps.options ?? []) names.current.set(String(o.value), String(o.label));
  const nameOf = (id?: string) => (id ? names.current.get(id) : undefined);
  const run = async () => {
    if (!confirming) return;
    setRunning(true);
    try {
      const sheet = await handOver(confirming.leaver_id, confirming.receiver_id, confirming.note);
      apiMessage.success(t('handovers.done', { count: sheet.item_count }));
      setConfirming(null);
      form.resetFields();
      onDone(sheet);
    } catch (error) {
      apiMessage.error(error);
    } finally {
      setRunning(false);
    }
  };
  const select = <Select {...(people.selectProps as SelectProps)} showSearch />;
  return (
    <>
      <Modal open={open && !confirming} title={t('handovers.new')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ id: 'handover-next' }}>
        <Form form={form} layout="vertical" onFinish={setConfirming}>
          <Form.Item name="leaver_id" label={f('leaver_id')} rules={[{ required: true, message: t('errors.required') }]}>{select}</Form.Item>
          <Form.Item name="receiver_id" label={f('receiver_id')} dependencies={['leaver_id']} rules={[
            { required: true, message: t('errors.required') },
            ({ getFieldValue }) => ({
              validator: (_, v?: string) => (v && v === getFieldValue('leaver_id') ? Promise.reject(new Error(t('handovers.errors.invalid'))) : Promise.resolve()),
            }),
          ]}>{select}</Form.Item>
          <Form.Item name="note" label={f('note')} rules={[{ max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={confirming !== null} title={t('handovers.new')} onCancel={() => setConfirming(null)} onOk={() => void run()}
        confirmLoading={running} okButtonProps={{ danger: true, id: 'handover-confirm' }}>
        {confirming && t('handovers.confirm', { leaver: nameOf(confirming.leaver_id), receiver: nameOf(confirming.receiver_id) })}
      </Modal>
    </>
  );
}
