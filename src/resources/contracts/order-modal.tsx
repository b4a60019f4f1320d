// A new order on a signed/running contract: the quantity of each contract line to order (0 = none).
// One RPC places the order with all its lines or nothing; the database caps every line at what the
// contract still has left (CT009) and the message names the line.
import { useState } from 'react';
import { InputNumber, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { useApiAction } from '../../hooks/use-api-action.ts';
import { createOrder } from './contract-api.ts';

export interface ContractLine { id: string; line_no: number; product_name: string; spec: string | null; unit: string | null; quantity: number }

export function OrderModal({ contractId, lines, open, onClose, onDone }: {
  contractId: string; lines: ContractLine[]; open: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [qty, setQty] = useState<Record<string, number | null>>({});
  const chosen = lines.filter((l) => (qty[l.id] ?? 0) > 0);
  const { run: place, running: saving } = useApiAction(async () => {
    await createOrder(contractId, chosen.map((l) => ({ contract_line_id: l.id, quantity: qty[l.id] })));
    onDone();
    setQty({});
    onClose();
    return t('orders.created');
  });
  const save = () => (chosen.length === 0 ? apiMessage.error(new Error(t('orders.noLines'))) : void place());
  return (
    <Modal open={open} title={t('orders.create')} onCancel={onClose} onOk={save} confirmLoading={saving} width={720}
      destroyOnHidden okButtonProps={{ id: 'order-ok' }}>
      <Table<ContractLine> size="small" rowKey="id" pagination={false} dataSource={lines} data-testid="order-lines-pick">
        <Table.Column<ContractLine> dataIndex="line_no" title="#" />
        <Table.Column<ContractLine> dataIndex="product_name" title={t('quotation_lines.fields.product_name')} />
        <Table.Column<ContractLine> dataIndex="quantity" title={t('orders.contracted')} render={(v: number, r) => `${v} ${r.unit ?? ''}`} />
        <Table.Column<ContractLine> key="order" title={t('orders.fields.quantity')} render={(_: unknown, r) => (
          <InputNumber min={0} max={Number(r.quantity)} value={qty[r.id] ?? null} data-testid={`order-qty-${r.line_no}`}
            onChange={(v) => setQty((q) => ({ ...q, [r.id]: v }))} />
        )} />
      </Table>
    </Modal>
  );
}
