// Picks one file for a form (uploaded when the form is saved): size and type checked at once with
// the translated refusal; the bucket checks again.
import { Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiMessage } from '../../hooks/use-api-message.ts';

export function FilePicker({ maxMb, accept = [], onPick }: { maxMb: number; accept?: string[]; onPick: (file: File | null) => void }) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  return (
    <Upload.Dragger multiple={false} maxCount={1} accept={accept.join(',') || undefined} onRemove={() => onPick(null)}
      beforeUpload={(file) => {
        if (file.size > maxMb * 1024 * 1024) {
          apiMessage.error({ status: 413 });
          return Upload.LIST_IGNORE;
        }
        if (accept.length > 0 && !accept.includes(file.type)) {
          apiMessage.error({ status: 415 });
          return Upload.LIST_IGNORE;
        }
        onPick(file);
        return false;
      }}>
      <p className="ant-upload-drag-icon"><InboxOutlined /></p>
      <p>{t('upload.hint')}</p>
      <p>{t('upload.limits', { size: maxMb })}</p>
    </Upload.Dragger>
  );
}
