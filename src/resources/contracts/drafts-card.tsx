// Working files of a contract (drafts, marked-up versions, the customer's comments) in the
// `attachments` bucket under contract/<id>/: whoever reads the contract reads and adds them (the
// bucket's policies ask the contract's own RLS); uploaders remove their own. The signed scan has
// its own card and bucket.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { FileUpload } from '../../components/file-upload/index.tsx';

export function DraftsCard({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('contracts.cards.drafts')} data-testid="drafts-card">
      <FileUpload bucket="attachments" folder={`contract/${contractId}`} maxSizeMb={10} canDelete />
    </Card>
  );
}
