// Records the next stage an order reached (purchasing → production → qc → shipped → received, in
// that order: the database refuses a skipped stage with CT010), with its date and a note.
import { useState } from 'react';
import { Button, DatePicker, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { insertRow } from './contract-api.ts';

export const ORDER_STAGES = ['purchasing', 'production', 'qc', 'shipped', 'received'] as const;

export function ProgressForm({ orderId, stage, onDone }: { orderId: string; stage: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [reachedOn, setReachedOn] = useState<Dayjs | null>(dayjs());
  const [note, setNote] = useState('');
  const next = ORDER_STAGES[stage ? ORDER_STAGES.indexOf(stage as (typeof ORDER_STAGES)[number]) + 1 : 0];
  if (!next) return null;
  const record = async () => {
    try {
      await insertRow('order_progress', { order_id: orderId, stage: next, reached_on: (reachedOn ?? dayjs()).format('YYYY-MM-DD'), note: note.trim() || null });
      apiMessage.success(t('orders.saved'));
      setNote('');
      onDone();
    } catch (error) {
      apiMessage.error(error);
    }
  };
  return (
    <Space wrap>
      <DatePicker value={reachedOn} onChange={setReachedOn} allowClear={false} />
      <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} placeholder={t('orders.fields.note')} data-testid="progress-note" />
      <Button onClick={() => void record()} data-testid="record-stage">{t('orders.recordStage', { stage: t(`contracts.related.stage.${next}`) })}</Button>
    </Space>
  );
}
