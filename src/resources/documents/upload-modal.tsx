// A new document: title, category, tags, access level (defaulting by category as the database
// does), related record and the file, uploaded with a progress bar.
import { useState } from 'react';
import { Checkbox, Form, Input, Modal, Progress, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { createDocument } from './document-api.ts';
import { FilePicker } from './file-picker.tsx';
import { LevelSelect } from './level-select.tsx';
import { RelatedSelect, type RelatedValue } from './related-select.tsx';
import { DOCUMENT_CATEGORIES, defaultLevel, type DocumentRecord } from './options.ts';

const MAX_MB = 25;

interface UploadValues {
  title: string; category: string; tags?: string[]; access_level: string; sensitive?: boolean;
  related?: RelatedValue; description?: string;
}

export function UploadModal({ open, category, onClose, onDone }: {
  open: boolean; category?: string; onClose: () => void; onDone: (doc: DocumentRecord) => void;
}) {
  const { t } = useTranslation();
  const f = (c: string) => t(`documents.fields.${c}`);
  const me = useCurrentUser();
  const apiMessage = useApiMessage();
  const [form] = Form.useForm<UploadValues>();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [levelTouched, setLevelTouched] = useState(false);
  const initialCategory = category && !['all', 'team'].includes(category) ? category : 'other';

  const followDefault = () => {
    if (levelTouched) return;
    form.setFieldValue('access_level', defaultLevel(form.getFieldValue('category'), form.getFieldValue('sensitive')));
  };

  const save = async (v: UploadValues) => {
    if (!file || !me) return apiMessage.error({ hint: 'documents.errors.file_required' });
    setPercent(0);
    try {
      const doc = await createDocument({
        title: v.title.trim(), category: v.category, tags: v.tags ?? [], access_level: v.access_level,
        sensitive: Boolean(v.sensitive), description: v.description || null,
        related_type: v.related?.id ? v.related.type : null, related_id: v.related?.id ?? null,
      }, file, me.id, setPercent);
      apiMessage.success(t('upload.done', { name: file.name }));
      form.resetFields();
      setFile(null);
      setLevelTouched(false);
      onDone(doc);
    } catch (error) {
      apiMessage.error(error);
    } finally {
      setPercent(null);
    }
  };

  return (
    <Modal open={open} title={t('documents.actions.upload')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden
      confirmLoading={percent !== null} okButtonProps={{ id: 'document-upload-ok' }}>
      <Form form={form} layout="vertical" preserve={false}
        initialValues={{ category: initialCategory, access_level: defaultLevel(initialCategory), tags: [] }}
        onValuesChange={(changed) => ('category' in changed || 'sensitive' in changed) && followDefault()}
        onFinish={(v) => void save(v)}>
        <Form.Item name="title" label={f('title')} rules={[{ required: true, whitespace: true, message: t('errors.required') }, { max: 200 }]}>
          <Input data-testid="document-title" />
        </Form.Item>
        <Form.Item name="category" label={f('category')} rules={[{ required: true }]}>
          <Select data-testid="document-category" options={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: t(`documents.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="sensitive" valuePropName="checked"><Checkbox>{f('sensitive')}</Checkbox></Form.Item>
        <Form.Item name="access_level" label={f('access_level')} rules={[{ required: true }]}>
          <LevelSelect data-testid="document-level" onChange={() => setLevelTouched(true)} />
        </Form.Item>
        <Form.Item name="tags" label={f('tags')} rules={[{ type: 'array', max: 20 }]}>
          <Select mode="tags" tokenSeparators={[',', '，']} data-testid="document-tags" open={false} />
        </Form.Item>
        <Form.Item name="related" label={f('related')}><RelatedSelect /></Form.Item>
        <Form.Item name="description" label={f('description')} rules={[{ max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item label={f('file')} required>
          <FilePicker maxMb={MAX_MB} onPick={setFile} />
        </Form.Item>
        {percent !== null && <Progress percent={percent} size="small" data-testid="upload-progress" />}
      </Form>
    </Modal>
  );
}
