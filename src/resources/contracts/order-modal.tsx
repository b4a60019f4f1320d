// A new order on a signed/running contract: the quantity of each contract line to order (0 = none).
// The database caps every line at what the contract still has left (CT009); the modal checks the
// same first so a refused line does not leave an empty order behind.
import { useState } from 'react';
import { InputNumber, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { supabase } from '../../providers/supabase-client.ts';
import { insertRow } from './contract-api.ts';

/** Quantity already ordered per contract line, over all orders. */
async function orderedSoFar(lineIds: string[]): Promise<Record<string, number>> {
  const { data, error } = await supabase.from('order_lines').select('contract_line_id, quantity').in('contract_line_id', lineIds);
  if (error) throw error;
  const sums: Record<string, number> = {};
  for (const r of data as { contract_line_id: string; quantity: number }[]) sums[r.contract_line_id] = (sums[r.contract_line_id] ?? 0) + Number(r.quantity);
  return sums;
}

export interface ContractLine { id: string; line_no: number; product_name: string; spec: string | null; unit: string | null; quantity: number }

export function OrderModal({ contractId, lines, open, onClose, onDone }: {
  contractId: string; lines: ContractLine[]; open: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [qty, setQty] = useState<Record<string, number | null>>({});
  const [saving, setSaving] = useState(false);
  const chosen = lines.filter((l) => (qty[l.id] ?? 0) > 0);
  const save = async () => {
    if (chosen.length === 0) return apiMessage.error(new Error(t('orders.noLines')));
    setSaving(true);
    try {
      const ordered = await orderedSoFar(chosen.map((l) => l.id));
      if (chosen.some((l) => (qty[l.id] ?? 0) + (ordered[l.id] ?? 0) > Number(l.quantity))) {
        apiMessage.error(new Error(t('contracts.errors.over_contract_qty')));
        return;
      }
      const order = await insertRow<{ id: string }>('orders', { contract_id: contractId });
      // Lines go in one by one so a refusal names the line; an order left short can take lines later.
      try {
        for (const l of chosen) await insertRow('order_lines', { order_id: order.id, contract_line_id: l.id, quantity: qty[l.id] });
      } finally {
        onDone();
      }
      apiMessage.success(t('orders.created'));
      setQty({});
      onClose();
    } catch (error) {
      apiMessage.error(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('orders.create')} onCancel={onClose} onOk={() => void save()} confirmLoading={saving} width={720}
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
