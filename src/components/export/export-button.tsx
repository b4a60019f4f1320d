// "Export" for any list: what the list's current filters and sort select, all pages, with the
// columns the list shows, as CSV (UTF-8 with BOM) or XLSX.
import { useState } from 'react';
import { Button, Dropdown } from 'antd';
import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { useDataProvider, type BaseRecord } from '@refinedev/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useApiMessage } from '../../hooks/use-api-message.ts';
import { ExportCapError, fetchAllRecords, type ExportQuery } from './fetch-all.ts';
import { rowsToSheet, sheetToCsv, type ExportColumn } from './sheet.ts';
import { sheetToXlsx } from './xlsx.ts';
import { downloadBlob } from './download.ts';

type Format = 'csv' | 'xlsx';

interface Props<T> extends ExportQuery {
  columns: readonly ExportColumn<T>[];
  /** File name without date and extension, e.g. the list's title. */
  fileName: string;
}

export function ListExportButton<T extends BaseRecord>({ columns, fileName, ...query }: Props<T>) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const getDataProvider = useDataProvider();
  const [busy, setBusy] = useState(false);

  const run = async (format: Format) => {
    setBusy(true);
    try {
      const records = await fetchAllRecords<T>(getDataProvider().getList, query);
      const sheet = rowsToSheet(columns, records);
      const name = `${fileName}-${dayjs().format('YYYYMMDD-HHmmss')}.${format}`;
      const blob = format === 'csv' ? new Blob([sheetToCsv(sheet)], { type: 'text/csv;charset=utf-8' }) : await sheetToXlsx(sheet, fileName);
      downloadBlob(blob, name);
      apiMessage.success(t('export.done', { count: records.length }));
    } catch (error) {
      if (error instanceof ExportCapError) apiMessage.error({ message: t('export.tooMany', { total: error.total, cap: error.cap }) });
      else apiMessage.error(error);
    } finally {
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
        onClick: ({ key }) => void run(key as Format),
      }}
    >
      <Button icon={<ExportOutlined />} loading={busy} data-testid="export">
        {t('buttons.export')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
