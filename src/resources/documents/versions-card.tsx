// A document's versions, newest first: download any of them (through the document-access
// function, which checks and logs), and writers add a new one with a progress bar.
import { useState } from 'react';
import { Button, Card, Input, Progress, Space, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTable } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { useCurrentUser } from '../../hooks/use-current-user.ts';
import { addVersion, openVersion, startDownload } from './document-api.ts';
import type { DocumentRecord, VersionRecord } from './options.ts';

export function useDownload(documentId: string, onRefused?: () => void) {
  const apiMessage = useApiMessage();
  return async (versionNo?: number) => {
    try {
      const file = await openVersion(documentId, versionNo);
      startDownload(file.signed_url, file.file_name);
    } catch (error) {
      apiMessage.error(error);
      onRefused?.();
    }
  };
}

export function VersionsCard({ doc, writable, onChange }: { doc: DocumentRecord; writable: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`documents.versions.${c}`);
  const me = useCurrentUser();
  const apiMessage = useApiMessage();
  const [note, setNote] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const download = useDownload(doc.id, onChange);
  const { tableProps, tableQuery } = useTable<VersionRecord>({
    resource: 'document_versions',
    syncWithLocation: false,
    filters: { permanent: [{ field: 'document_id', operator: 'eq', value: doc.id }] },
    sorters: { initial: [{ field: 'version_no', order: 'desc' }] },
    pagination: { pageSize: 5 },
    meta: { select: 'id, version_no, file_name, size_bytes, mime_type, note, created_at, uploader:profiles(full_name)' },
  });
  const upload = async (file: File) => {
    setPercent(0);
    try {
      await addVersion(doc, file, me!.id, setPercent, note);
      apiMessage.success(t('upload.done', { name: file.name }));
      setNote('');
      void tableQuery.refetch();
      onChange();
    } catch (error) {
      apiMessage.error(error);
    } finally {
      setPercent(null);
    }
  };
  return (
    <Card size="small" title={t('documents.versions.title')} data-testid="versions-card" extra={writable && me && (
      <Space>
        <Input size="small" placeholder={f('note')} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} style={{ width: 200 }} />
        <Upload showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
          <Button size="small" icon={<UploadOutlined />} loading={percent !== null} data-testid="new-version">{t('documents.actions.newVersion')}</Button>
        </Upload>
      </Space>
    )}>
      {percent !== null && <Progress percent={percent} size="small" data-testid="upload-progress" />}
      <Table<VersionRecord> {...tableProps} rowKey="id" size="small" data-testid="version-table">
        <Table.Column<VersionRecord> dataIndex="version_no" title={f('version_no')} render={(v: number) => `v${v}`} />
        <Table.Column<VersionRecord> dataIndex="file_name" title={f('file_name')} />
        <Table.Column<VersionRecord> dataIndex="size_bytes" title={f('size')} render={(v: number | null) => (v == null ? '—' : `${Math.ceil(v / 1024)} KB`)} />
        <Table.Column<VersionRecord> title={f('uploaded_by')} render={(_, r) => r.uploader?.full_name ?? '—'} />
        <Table.Column<VersionRecord> dataIndex="created_at" title={f('created_at')} render={(v: string) => dayjs(v).format('YYYY-MM-DD HH:mm')} />
        <Table.Column<VersionRecord> dataIndex="note" title={f('note')} />
        <Table.Column<VersionRecord> title={t('table.actions')} render={(_, r) => (
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(r.version_no)} data-testid="version-download">
            {t('upload.download')}
          </Button>
        )} />
      </Table>
    </Card>
  );
}
