// Document library: a category tree, search over titles and tags, filters by level and related
// record, server-side paging; what a row shows is what the database's access rules let through.
import { useState } from 'react';
import { Button, Card, Col, Input, Row, Select, Space, Table, Tag } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { List, ShowButton, useTable } from '@refinedev/antd';
import { useNavigation } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { AccessLevelTag } from '../../components/access-level-tag.tsx';
import { CategoryTree, categoriesOf } from './category-tree.tsx';
import { RelatedSelect, type RelatedValue } from './related-select.tsx';
import { UploadModal } from './upload-modal.tsx';
import { LEVEL_ORDER, type DocumentRecord } from './options.ts';

// PostgREST's or=(…) syntax: keep its separators out of the search text.
const clean = (s: string) => s.replace(/[,()"\\]/g, ' ').trim();

export default function DocumentList() {
  const { t } = useTranslation();
  const f = (c: string) => t(`documents.fields.${c}`);
  const { show } = useNavigation();
  const [category, setCategory] = useState('all');
  const [related, setRelated] = useState<RelatedValue>({});
  const [uploading, setUploading] = useState(false);
  const { tableProps, setFilters, tableQuery } = useTable<DocumentRecord>({
    resource: 'documents',
    sorters: { initial: [{ field: 'created_at', order: 'desc' }] },
    syncWithLocation: false,
    meta: { select: 'id, title, category, tags, access_level, current_version, owner_id, created_at, updated_at, owner:profiles!documents_owner_id_fkey(full_name)' },
  });
  const filter = (field: string, operator: 'eq' | 'in', value: unknown) => setFilters([{ field, operator, value }], 'merge');
  const pickCategory = (key: string) => {
    setCategory(key);
    const cats = categoriesOf(key);
    filter('category', 'in', cats.length ? cats : undefined);
  };
  const pickRelated = (v: RelatedValue) => {
    setRelated(v);
    setFilters([
      { field: 'related_type', operator: 'eq', value: v.id ? v.type : undefined },
      { field: 'related_id', operator: 'eq', value: v.id },
    ], 'merge');
  };
  return (
    <Row gutter={16}>
      <Col xs={24} md={6} lg={5}>
        <Card size="small" title={t('documents.categories')}><CategoryTree selected={category} onSelect={pickCategory} /></Card>
      </Col>
      <Col xs={24} md={18} lg={19}>
        <List breadcrumb={false} title={t('documents.title')} headerButtons={
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="document-upload">
            {t('documents.actions.upload')}
          </Button>
        }>
          <Space wrap style={{ marginBottom: 16 }}>
            <Input.Search allowClear placeholder={t('documents.search')} style={{ width: 240 }} data-testid="document-search"
              onSearch={(raw) => {
                const v = clean(raw);
                setFilters([{
                  operator: 'or',
                  key: 'search',
                  value: v ? [{ field: 'title', operator: 'contains', value: v }, { field: 'tags', operator: 'ina', value: [v] }] : [],
                }], 'merge');
              }} />
            <Select allowClear style={{ width: 130 }} placeholder={f('access_level')} data-testid="document-level-filter"
              options={LEVEL_ORDER.map((l) => ({ value: l, label: t(`accessLevel.${l}`) }))}
              onChange={(v) => filter('access_level', 'eq', v)} />
            <RelatedSelect value={related} onChange={pickRelated} testId="document-related-filter" />
          </Space>
          <Table<DocumentRecord> {...tableProps} rowKey="id" data-testid="document-table"
            onRow={(r) => ({ onDoubleClick: () => show('documents', r.id) })}>
            <Table.Column<DocumentRecord> dataIndex="title" title={f('title')} />
            <Table.Column<DocumentRecord> dataIndex="category" title={f('category')} render={(v: string) => t(`documents.category.${v}`)} />
            <Table.Column<DocumentRecord> dataIndex="access_level" title={f('access_level')} render={(v) => <AccessLevelTag level={v} />} />
            <Table.Column<DocumentRecord> dataIndex="tags" title={f('tags')} render={(tags: string[]) => tags?.map((x) => <Tag key={x}>{x}</Tag>)} />
            <Table.Column<DocumentRecord> dataIndex="current_version" title={f('current_version')} render={(v: number) => `v${v}`} />
            <Table.Column<DocumentRecord> title={f('owner_id')} render={(_, r) => r.owner?.full_name ?? '—'} />
            <Table.Column<DocumentRecord> dataIndex="updated_at" title={f('updated_at')} sorter render={(v: string) => dayjs(v).format('YYYY-MM-DD')} />
            <Table.Column<DocumentRecord> title={t('table.actions')} render={(_, r) => <ShowButton hideText size="small" recordItemId={r.id} />} />
          </Table>
        </List>
      </Col>
      <UploadModal open={uploading} category={category} onClose={() => setUploading(false)}
        onDone={(doc) => { setUploading(false); void tableQuery.refetch(); show('documents', doc.id); }} />
    </Row>
  );
}
