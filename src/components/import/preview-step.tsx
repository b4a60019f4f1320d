// Step 3: every row with its problems, a summary, and the choice between importing the valid rows
// only or all or nothing.
import { useMemo, useState } from 'react';
import { Alert, Radio, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommitMode } from './commit.ts';
import type { ColumnMapping } from './header-mapping.ts';
import { issueText } from './issue-text.ts';
import type { RawTable } from './raw-table.ts';
import type { ValidatedRow } from './validate-rows.ts';

interface Props {
  resource: string;
  raw: RawTable;
  mapping: ColumnMapping;
  rows: readonly ValidatedRow[];
  mode: CommitMode;
  onModeChange: (mode: CommitMode) => void;
  /** Grouped imports: how many records (quotations) the valid rows make. */
  parents?: number;
}

export function PreviewStep({ resource, raw, mapping, rows, mode, onModeChange, parents }: Props) {
  const { t } = useTranslation();
  const invalid = useMemo(() => rows.filter((r) => r.issues.length > 0), [rows]);
  const [onlyProblems, setOnlyProblems] = useState(invalid.length > 0);
  const mapped = mapping.flatMap((column, index) => (column ? [{ column, index }] : []));
  return (
    <>
      <Alert
        type={invalid.length ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="import-summary"
        message={t('import.preview.summary', { total: rows.length, valid: rows.length - invalid.length, invalid: invalid.length })}
        description={parents === undefined ? undefined : <span data-testid="import-parents">{t('import.preview.parents', { count: parents })}</span>}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t('import.preview.mode')}:</Typography.Text>
        <Radio.Group value={mode} onChange={(e) => onModeChange(e.target.value as CommitMode)}>
          <Radio value="valid-only" data-testid="import-mode-valid-only">{t('import.preview.validOnly')}</Radio>
          <Radio value="all-or-nothing" data-testid="import-mode-all-or-nothing">{t('import.preview.allOrNothing')}</Radio>
        </Radio.Group>
        <Switch checked={onlyProblems} onChange={setOnlyProblems} data-testid="import-only-problems" /> {t('import.preview.onlyProblems')}
      </Space>
      <Table<ValidatedRow>
        dataSource={onlyProblems ? invalid : rows}
        rowKey="index"
        size="small"
        scroll={{ x: true, y: 320 }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        rowClassName={(r) => (r.issues.length ? 'import-row-invalid' : '')}
        onRow={(r) => ({ 'data-testid': r.issues.length ? 'import-problem-row' : 'import-row' }) as React.HTMLAttributes<HTMLElement>}
      >
        <Table.Column<ValidatedRow> title={t('import.preview.line')} dataIndex="line" width={70} fixed="left" />
        <Table.Column<ValidatedRow>
          title={t('import.preview.problems')}
          width={260}
          render={(_, r) => r.issues.map((issue, i) => <Typography.Text key={i} type="danger" style={{ display: 'block' }}>{issueText(t, resource, issue)}</Typography.Text>)}
        />
        {mapped.map(({ column, index }) => (
          <Table.Column<ValidatedRow>
            key={column}
            title={t(`${resource}.fields.${column}`, { defaultValue: column })}
            ellipsis
            render={(_, r) => {
              const text = raw.rows[r.index]?.[index] ?? '';
              // The cells a problem is about, marked where they stand.
              return r.issues.some((i) => i.column === column) ? <Typography.Text type="danger" strong data-testid="import-bad-cell">{text || '∅'}</Typography.Text> : text;
            }}
          />
        ))}
      </Table>
    </>
  );
}
