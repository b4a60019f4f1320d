// HR records a person's signed confidentiality agreement: dates and the scan (PDF or image),
// uploaded with a progress bar under the person's folder of the `agreements` bucket.
import { useState } from 'react';
import { DatePicker, Form, Modal, Progress, Select, type SelectProps } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { supabase } from '../../providers/supabase-client.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { uploadWithProgress } from '../../components/file-upload/upload-with-progress.ts';
import { FilePicker } from '../documents/file-picker.tsx';

const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

interface AgreementValues { person_id: string; signed_on: Dayjs; expires_on?: Dayjs }

export function AgreementModal({ personId, open, onClose, onDone }: { personId?: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`agreements.fields.${c}`);
  const apiMessage = useApiMessage();
  const [form] = Form.useForm<AgreementValues>();
  const [scan, setScan] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const { selectProps } = useSelect({
    resource: 'profiles', optionLabel: 'full_name', optionValue: 'id',
    filters: [{ field: 'status', operator: 'eq', value: 'active' }],
    onSearch: (v) => [{ field: 'full_name', operator: 'contains', value: v }],
  });
  const save = async (v: AgreementValues) => {
    try {
      let scanPath: string | undefined;
      if (scan) {
        setPercent(0);
        scanPath = `${v.person_id}/${crypto.randomUUID()}-${scan.name}`;
        await uploadWithProgress('agreements', scanPath, scan, setPercent);
      }
      const { error } = await supabase.from('confidentiality_agreements').upsert({
        person_id: v.person_id, signed_on: v.signed_on.format('YYYY-MM-DD'), expires_on: v.expires_on?.format('YYYY-MM-DD') ?? null,
        ...(scanPath ? { scan_path: scanPath } : {}),
      }, { onConflict: 'person_id' });
      if (error) throw error;
      apiMessage.success(t('agreements.saved'));
      setScan(null);
      onDone();
    } catch (error) {
      apiMessage.error(error);
    } finally {
      setPercent(null);
    }
  };
  return (
    <Modal open={open} title={t('agreements.record')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden
      confirmLoading={percent !== null} okButtonProps={{ id: 'agreement-ok' }}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ person_id: personId }} onFinish={(v) => void save(v)}>
        <Form.Item name="person_id" label={f('person_id')} rules={[{ required: true, message: t('errors.required') }]}>
          <Select {...(selectProps as SelectProps)} showSearch />
        </Form.Item>
        <Form.Item name="signed_on" label={f('signed_on')} rules={[{ required: true, message: t('errors.required') }]}><DatePicker /></Form.Item>
        <Form.Item name="expires_on" label={f('expires_on')} dependencies={['signed_on']} rules={[({ getFieldValue }) => ({
          validator: (_, v?: Dayjs) => (!v || !getFieldValue('signed_on') || v.isAfter(getFieldValue('signed_on'), 'day')
            ? Promise.resolve() : Promise.reject(new Error(t('errors.check')))),
        })]}><DatePicker /></Form.Item>
        <Form.Item label={f('scan_path')}>
          <FilePicker maxMb={10} accept={SCAN_TYPES} onPick={setScan} />
        </Form.Item>
        {percent !== null && <Progress percent={percent} size="small" data-testid="upload-progress" />}
      </Form>
    </Modal>
  );
}
