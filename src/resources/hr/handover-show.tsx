// A handover sheet: who left, who received, and every record that moved.
import { Col, Descriptions, Row, Table } from 'antd';
import { Show, useTable } from '@refinedev/antd';
import { useShow } from '@refinedev/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { SHEET_SELECT, type HandoverRow } from './handovers.tsx';

interface ItemRow { id: string; table_name: string; record_id: string; title: string | null }

const PAGES: Record<string, string> = { customers: '/customers/show/', contracts: '/contracts/show/', documents: '/documents/show/' };
const tableOf = (name: string) => name.replace(/^public\./, '');

export default function HandoverShow() {
  const { t } = useTranslation();
  const f = (c: string) => t(`handovers.fields.${c}`);
  const { query } = useShow<HandoverRow>({ resource: 'handovers', meta: { select: SHEET_SELECT } });
  const sheet = query.data?.data;
  const { tableProps } = useTable<ItemRow>({
    resource: 'handover_items',
    syncWithLocation: false,
    filters: { permanent: [{ field: 'handover_id', operator: 'eq', value: sheet?.id }] },
    sorters: { initial: [{ field: 'table_name', order: 'asc' }] },
    queryOptions: { enabled: Boolean(sheet) },
  });
  return (
    <Show breadcrumb={false} isLoading={query.isLoading} canEdit={false} canDelete={false} title={t('handovers.sheet')}>
      {sheet && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={f('leaver_id')}><span data-testid="handover-leaver">{sheet.leaver?.full_name}</span></Descriptions.Item>
              <Descriptions.Item label={f('receiver_id')}><span data-testid="handover-receiver">{sheet.receiver?.full_name}</span></Descriptions.Item>
              <Descriptions.Item label={f('item_count')}><span data-testid="handover-count">{sheet.item_count}</span></Descriptions.Item>
              <Descriptions.Item label={f('created_at')}>{dayjs(sheet.created_at).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
              <Descriptions.Item label={f('created_by')}>{sheet.creator?.full_name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={f('note')}>{sheet.note ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Col>
          <Col span={24}>
            <Table<ItemRow> {...tableProps} rowKey="id" size="small" data-testid="handover-items">
              <Table.Column<ItemRow> dataIndex="table_name" title={f('table_name')} render={(v: string) => t(`handovers.tables.${tableOf(v)}`, { defaultValue: v })} />
              <Table.Column<ItemRow> dataIndex="title" title={f('title')} render={(v: string | null, r) => {
                const page = PAGES[tableOf(r.table_name)];
                return page ? <Link to={`${page}${r.record_id}`}>{v ?? r.record_id}</Link> : v ?? r.record_id;
              }} />
            </Table>
          </Col>
        </Row>
      )}
    </Show>
  );
}
