// Step 2: which table column each file column fills (pre-filled by header matching).
import { Alert, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from './header-mapping.ts';
import { unmappedRequired } from './header-mapping.ts';
import type { ImportColumn } from './import-column.ts';
import type { RawTable } from './raw-table.ts';

interface Props {
  resource: string;
  raw: RawTable;
  columns: readonly ImportColumn[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

interface Row {
  index: number;
  header: string;
  sample: string;
}

export function MappingStep({ resource, raw, columns, mapping, onChange }: Props) {
  const { t } = useTranslation();
  const label = (name: string) => t(`${resource}.fields.${name}`, { defaultValue: name });
  const missing = unmappedRequired(mapping, columns);
  const rows: Row[] = raw.header.map((header, index) => ({ index, header, sample: raw.rows.find((r) => r[index]?.trim())?.[index] ?? '' }));
  const set = (index: number, value: string | null) => onChange(mapping.map((m, i) => (i === index ? value : m === value && value ? null : m)));
  const options = [
    { value: '', label: t('import.map.ignore') },
    ...columns.map((c) => ({ value: c.name, label: c.required ? `${label(c.name)} (${t('import.map.required')})` : label(c.name) })),
  ];
  return (
    <>
      {missing.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="import-missing-required"
          message={t('import.map.missingRequired', { columns: missing.map(label).join(', ') })} />
      )}
      <Table<Row> dataSource={rows} rowKey="index" size="small" pagination={false} scroll={{ y: 360 }} data-testid="import-mapping">
        <Table.Column<Row> title={t('import.map.fileColumn')} dataIndex="header" />
        <Table.Column<Row> title={t('import.map.sample')} dataIndex="sample" ellipsis />
        <Table.Column<Row>
          title={t('import.map.tableColumn')}
          render={(_, r) => (
            <Select
              style={{ width: 220 }}
              value={mapping[r.index] ?? ''}
              options={options}
              onChange={(v: string) => set(r.index, v || null)}
              data-testid={`import-map-${r.index}`}
            />
          )}
        />
        <Table.Column<Row> width={80} render={(_, r) => (mapping[r.index] ? <Tag color="blue">✓</Tag> : null)} />
      </Table>
    </>
  );
}
