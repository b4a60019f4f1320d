// Step 1: choose a CSV or XLSX file; it is read in the browser and refused with a clear message
// when it is too large, malformed or empty.
import { useState } from 'react';
import { Alert, Spin, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ImportError } from './import-error.ts';
import { MAX_FILE_BYTES, MAX_ROWS } from './limits.ts';
import { readTableFile } from './read-file.ts';
import type { RawTable } from './raw-table.ts';

interface Props {
  onRead: (raw: RawTable, fileName: string) => void;
}

export function UploadStep({ onRead }: Props) {
  const { t } = useTranslation();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string>();
  const read = async (file: File) => {
    setReading(true);
    setError(undefined);
    try {
      onRead(await readTableFile(file), file.name);
    } catch (e) {
      setError(e instanceof ImportError ? t(e.key, e.params) : t('import.errors.malformed'));
    } finally {
      setReading(false);
    }
  };
  return (
    <Spin spinning={reading} tip={t('import.upload.reading')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="import-file-error" />}
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return false;
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('import.upload.hint')}</p>
        <p className="ant-upload-hint">{t('import.upload.limits', { mb: MAX_FILE_BYTES / 1024 / 1024, rows: MAX_ROWS })}</p>
      </Upload.Dragger>
    </Spin>
  );
}
