// /admin/data — the tables of the exposed schema, each opening in the editor.
import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TablePicker } from './table-picker.tsx';
import { tableTitle } from './table-title.ts';
import { useTableSchema } from './use-table-schema.ts';

export default function TableListPage() {
  const { t, i18n } = useTranslation();
  const { schema } = useTableSchema();
  const tables = [...(schema?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Card title={t('table_editor.title')} extra={<TablePicker />} data-testid="table-list">
      <List
        loading={!schema}
        grid={{ gutter: 8, column: 4 }}
        dataSource={tables}
        pagination={{ pageSize: 40, hideOnSinglePage: true }}
        renderItem={(table) => (
          <List.Item>
            <Link to={`/admin/data/${table.name}`} data-testid={`open-${table.name}`}>
              {tableTitle(i18n, table.name)}
            </Link>{' '}
            {tableTitle(i18n, table.name) !== table.name && <Typography.Text type="secondary">{table.name}</Typography.Text>}
          </List.Item>
        )}
      />
    </Card>
  );
}
