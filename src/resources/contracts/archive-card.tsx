// Where the paper original is kept; the archivist records it (record_contract_archive).
import { Button, Card, DatePicker, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { recordContractArchive } from './contract-api.ts';
import type { ContractRecord } from './options.ts';

const ARCHIVABLE = ['signed', 'executing', 'completed', 'terminated'];

export function ArchiveCard({ contract, isArchivist, onChange }: { contract: ContractRecord; isArchivist: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const f = (c: string) => t(`contracts.fields.${c}`);
  const apiMessage = useApiMessage();
  const save = async (v: { cabinet_no: string; box_no: string; received_on?: Dayjs }) => {
    try {
      await recordContractArchive(contract.id, v.cabinet_no, v.box_no, v.received_on ? v.received_on.format('YYYY-MM-DD') : null);
      apiMessage.success(t('contracts.done.archived'));
      onChange();
    } catch (error) {
      apiMessage.error(error);
    }
  };
  const required = { required: true, message: t('errors.required') };
  return (
    <Card size="small" title={t('contracts.cards.archive')} data-testid="archive-card">
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={f('cabinet_no')}><span data-testid="archive-cabinet">{contract.cabinet_no ?? '—'}</span></Descriptions.Item>
        <Descriptions.Item label={f('box_no')}>{contract.box_no ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={f('original_received_on')}>{contract.original_received_on ?? '—'}</Descriptions.Item>
      </Descriptions>
      {isArchivist && ARCHIVABLE.includes(contract.status) && (
        <Form layout="inline" onFinish={(v) => void save(v)} initialValues={{ cabinet_no: contract.cabinet_no, box_no: contract.box_no }}>
          <Form.Item name="cabinet_no" label={f('cabinet_no')} rules={[required, { max: 50 }]}><Input data-testid="archive-cabinet-input" /></Form.Item>
          <Form.Item name="box_no" label={f('box_no')} rules={[required, { max: 50 }]}><Input data-testid="archive-box-input" /></Form.Item>
          <Form.Item name="received_on" label={f('original_received_on')}><DatePicker /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="archive-save">{t('contracts.actions.record_archive')}</Button>
        </Form>
      )}
    </Card>
  );
}
