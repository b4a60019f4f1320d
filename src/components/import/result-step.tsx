// Step 4: how many records went in, which rows were skipped and why, or why nothing went in.
import { Result, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../providers/error-messages.ts';
import type { CommitReport, SkippedRow } from './commit.ts';
import { issueText, refusalText } from './issue-text.ts';

interface Props {
  resource: string;
  report: CommitReport;
}

export function ResultStep({ resource, report }: Props) {
  const { t } = useTranslation();
  const { failure } = report;
  const title = failure?.key
    ? t(failure.key, { line: failure.line, count: report.skipped.length })
    : failure?.error
      ? t(failure.line ? 'import.result.refusedAt' : 'import.result.refused', { line: failure.line, message: refusalText(t, resource, failure.error, translateError(failure.error)) })
      : report.inserted === 0
        ? t('import.result.nothing')
        : t('import.result.inserted', { count: report.inserted });
  const status = failure ? 'error' : report.skipped.length ? 'warning' : 'success';
  return (
    <div data-testid="import-result">
      <Result
        status={status}
        title={<span data-testid="import-result-title">{title}</span>}
        subTitle={report.skipped.length && !failure ? t('import.result.skipped', { count: report.skipped.length }) : undefined}
        style={{ padding: 16 }}
      />
      {report.created?.some((c) => c.number) && (
        <Typography.Paragraph data-testid="import-created">{t('import.result.created', { numbers: report.created.map((c) => c.number).join(', ') })}</Typography.Paragraph>
      )}
      {report.skipped.length > 0 && (
        <Table<SkippedRow> dataSource={report.skipped} rowKey="line" size="small" pagination={{ pageSize: 20, showSizeChanger: false }} data-testid="import-skipped">
          <Table.Column<SkippedRow> title={t('import.preview.line')} dataIndex="line" width={70} />
          <Table.Column<SkippedRow>
            title={t('import.preview.problems')}
            render={(_, r) => r.issues.map((issue, i) => <Typography.Text key={i} type="danger" style={{ display: 'block' }}>{issueText(t, resource, issue)}</Typography.Text>)}
          />
        </Table>
      )}
    </div>
  );
}
