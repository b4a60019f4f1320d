// Signing: the signed scan goes into the private `contracts` bucket under the contract's id
// (PDF/images, 20 MB like the bucket), then "mark signed"; the database checks a scan exists.
import { useState } from 'react';
import { Button, Card, DatePicker, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { FileUpload } from '../../components/file-upload/index.tsx';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { markContractSigned } from './contract-api.ts';
import type { ContractRecord } from './options.ts';

const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/webp'];

export function SigningCard({ contract, canAct, onChange }: { contract: ContractRecord; canAct: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [signedOn, setSignedOn] = useState<Dayjs | null>(null);
  const uploadable = canAct && ['approved', 'signed', 'executing'].includes(contract.status);
  const sign = async () => {
    try {
      await markContractSigned(contract.id, signedOn ? signedOn.format('YYYY-MM-DD') : null);
      apiMessage.success(t('contracts.done.signed'));
      onChange();
    } catch (error) {
      apiMessage.error(error);
    }
  };
  return (
    <Card size="small" title={t('contracts.cards.signing')} data-testid="signing-card">
      <FileUpload bucket="contracts" folder={contract.id} accept={SCAN_TYPES} maxSizeMb={20} canUpload={uploadable} />
      {canAct && contract.status === 'approved' && (
        <Space style={{ marginTop: 12 }}>
          <DatePicker value={signedOn} onChange={setSignedOn} placeholder={t('contracts.fields.signed_on')} />
          <Button type="primary" onClick={() => void sign()} data-testid="mark-signed">{t('contracts.actions.mark_signed')}</Button>
        </Space>
      )}
    </Card>
  );
}
