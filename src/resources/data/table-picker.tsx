// Choose a table of the exposed schema (as the REST API lists it for the signed-in user).
import { Select } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { tableTitle } from './table-title.ts';
import { useTableSchema } from './use-table-schema.ts';

export function TablePicker({ current }: { current?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { schema } = useTableSchema();
  const options = [...(schema?.values() ?? [])]
    .map((table) => ({ value: table.name, label: tableTitle(i18n, table.name) === table.name ? table.name : `${tableTitle(i18n, table.name)} (${table.name})` }))
    .sort((a, b) => a.value.localeCompare(b.value));
  return (
    <Select
      showSearch
      style={{ minWidth: 260 }}
      data-testid="table-picker"
      placeholder={t('table_editor.pickTable')}
      value={current}
      options={options}
      optionFilterProp="label"
      onChange={(name: string) => navigate(`/admin/data/${name}`)}
    />
  );
}
