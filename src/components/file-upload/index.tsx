// Attachments of a record in a Storage bucket folder: drag-and-drop upload with a progress bar,
// size and type checked before the upload (the bucket checks again), a list with download through
// signed URLs, and delete where allowed (Storage's RLS decides in the end).
import { useState } from 'react';
import { Button, List, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { supabase } from '../../providers/supabase-client.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { uploadWithProgress } from './upload-with-progress.ts';
import { displayName, toObjectName } from './object-name.ts';

export interface FileUploadProps {
  bucket: string;
  /** Folder of this record's files, e.g. `contracts/<id>`. */
  folder: string;
  maxSizeMb?: number;
  /** Allowed MIME types (exact, or `image/*`); empty = any. */
  accept?: string[];
  canUpload?: boolean;
  canDelete?: boolean;
}

const typeAllowed = (type: string, accept: string[]) =>
  accept.length === 0 || accept.some((a) => (a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : a === type));

export function FileUpload({ bucket, folder, maxSizeMb = 20, accept = [], canUpload = true, canDelete = false }: FileUploadProps) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const files = useQuery({
    queryKey: ['files', bucket, folder],
    queryFn: async () => {
      const { data, error } = await supabase.storage.from(bucket).list(folder, { sortBy: { column: 'name', order: 'asc' } });
      if (error) throw error;
      return data.filter((f) => f.id !== null);
    },
  });

  const download = async (name: string) => {
    const { data, error } = await supabase.storage.from(bucket).createSignedUrl(`${folder}/${name}`, 60, { download: displayName(name) });
    if (error) return apiMessage.error(error);
    const a = document.createElement('a');
    a.href = data.signedUrl;
    a.download = displayName(name);
    a.click();
  };

  const remove = async (name: string) => {
    const { data, error } = await supabase.storage.from(bucket).remove([`${folder}/${name}`]);
    if (error || data.length === 0) return apiMessage.error(error ?? { status: 403 });
    void files.refetch();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="file-upload">
      {canUpload && (
        <Upload.Dragger
          multiple={false}
          showUploadList={false}
          accept={accept.join(',') || undefined}
          beforeUpload={(file) => {
            if (file.size > maxSizeMb * 1024 * 1024) {
              apiMessage.error({ status: 413 });
              return Upload.LIST_IGNORE;
            }
            if (!typeAllowed(file.type, accept)) {
              apiMessage.error({ status: 415 });
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={async ({ file, onSuccess, onError }) => {
            const f = file as File;
            setProgress({ name: f.name, percent: 0 });
            try {
              await uploadWithProgress(bucket, `${folder}/${toObjectName(f.name)}`, f, (percent) => setProgress({ name: f.name, percent }));
              onSuccess?.({});
              apiMessage.success(t('upload.done', { name: f.name }));
              void files.refetch();
            } catch (error) {
              onError?.(error as Error);
              apiMessage.error(error);
            } finally {
              setProgress(null);
            }
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('upload.hint')}</p>
          <Typography.Text type="secondary">{t('upload.limits', { size: maxSizeMb })}</Typography.Text>
        </Upload.Dragger>
      )}
      {progress && <Progress percent={progress.percent} size="small" data-testid="upload-progress" />}
      <List
        size="small"
        loading={files.isLoading}
        dataSource={files.data ?? []}
        locale={{ emptyText: t('upload.empty') }}
        renderItem={(f) => (
          <List.Item
            data-testid="file-item"
            actions={[
              <Button key="dl" size="small" icon={<DownloadOutlined />} onClick={() => void download(f.name)} aria-label={t('upload.download')}>
                {t('upload.download')}
              </Button>,
              canDelete && (
                <Popconfirm key="rm" title={t('upload.confirmDelete')} onConfirm={() => void remove(f.name)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('buttons.delete')} />
                </Popconfirm>
              ),
            ].filter(Boolean)}
          >
            <span>{displayName(f.name)}</span>
            <Typography.Text type="secondary">{Math.ceil(((f.metadata?.size as number | undefined) ?? 0) / 1024)} KB</Typography.Text>
          </List.Item>
        )}
      />
    </Space>
  );
}
