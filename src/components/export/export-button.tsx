// "Export" for any list: what the list's current filters and sort select, all pages, with the
// columns the list shows, as CSV (UTF-8 with BOM) or XLSX, with progress while pages arrive.
import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { useDataProvider, type BaseRecord } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { ExportCapError, type ExportQuery } from './fetch-all.ts';
import { exportFile, type ExportFormat } from './export-file.ts';
import type { ExportColumn } from './sheet.ts';
import { downloadBlob } from './download.ts';

interface Props<T> extends ExportQuery {
  columns: readonly ExportColumn<T>[];
  /** File name without date and extension, e.g. the list's title. */
  fileName: string;
}

const PROGRESS = 'export-progress';

export function ListExportButton<T extends BaseRecord>({ columns, fileName, ...query }: Props<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const apiMessage = useApiMessage();
  const getDataProvider = useDataProvider();
  const [busy, setBusy] = useState(false);

  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      const { blob, count } = await exportFile<T>(getDataProvider().getList, query, columns, format, fileName, (done, total) =>
        void message.loading({ key: PROGRESS, content: t('export.progress', { done, total }), duration: 0 }),
      );
      downloadBlob(blob, `${fileName}-${dayjs().format('YYYYMMDD-HHmmss')}.${format}`);
      apiMessage.success(t('export.done', { count }));
    } catch (error) {
      if (error instanceof ExportCapError) apiMessage.error({ message: t('export.tooMany', { total: error.total, cap: error.cap }) });
      else apiMessage.error(error);
    } finally {
      message.destroy(PROGRESS);
      setBusy(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      disabled={busy}
      menu={{
        items: [
          { key: 'xlsx', label: <span data-testid="export-xlsx">{t('export.xlsx')}</span> },
          { key: 'csv', label: <span data-testid="export-csv">{t('export.csv')}</span> },
        ],
        onClick: ({ key }) => void run(key as ExportFormat),
      }}
    >
      <Button icon={<ExportOutlined />} loading={busy} data-testid="export">
        {t('buttons.export')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
