// What a colleague sees of a document the database hides from them: for a secret one, their
// requests and the form asking for access; the database refuses a request for any other level.
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccessRequestsCard } from './access-requests-card.tsx';
import type { AccessRequestRecord } from './options.ts';

export function NoAccess({ documentId, requests, onChange }: { documentId: string; requests: AccessRequestRecord[]; onChange: () => void }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="warning" showIcon message={t('documents.noAccess')} description={t('documents.noAccessHint')} data-testid="no-access" />
      <AccessRequestsCard documentId={documentId} requests={requests} canRequest onChange={onChange} />
    </Space>
  );
}
