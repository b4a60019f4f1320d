// A request's record in a drawer: the approval panel, the record's history and its attachments.
import { Drawer, Space } from 'antd';
import { useOne } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import { ApprovalPanel } from '../../components/approval-panel/index.tsx';
import { RecordHistory } from '../../components/record-history.tsx';
import { FileUpload } from '../../components/file-upload/index.tsx';

export interface RequestRef {
  record_type: string;
  record_id: string;
  title: string | null;
}

export function RequestDrawer({ request, onClose, onChange }: { request: RequestRef | null; onClose(): void; onChange(): void }) {
  const { t } = useTranslation();
  const { result: type } = useOne<{ record_type: string; table_name: string }>({
    resource: 'approval_record_types',
    id: request?.record_type ?? '',
    meta: { idColumnName: 'record_type' },
    queryOptions: { enabled: Boolean(request) },
  });
  const table = type?.table_name?.replace(/^public\./, '');
  return (
    <Drawer open={Boolean(request)} onClose={onClose} width={640} title={request?.title ?? t('inbox.details')} destroyOnHidden>
      {request && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <ApprovalPanel recordType={request.record_type} recordId={request.record_id} onChange={onChange} />
          {table && <RecordHistory table={table} recordType={request.record_type} recordId={request.record_id} fieldNamespace={table} />}
          <FileUpload bucket="attachments" folder={`${request.record_type}/${request.record_id}`} canUpload={false} />
        </Space>
      )}
    </Drawer>
  );
}
