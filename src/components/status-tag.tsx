// A record status as a coloured tag, its label from `<namespace>.<value>` in the locale files.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  draft: 'default', pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default',
  active: 'success', left: 'default', cancelled: 'default', done: 'success', overdue: 'error',
};

export function StatusTag({ value, namespace }: { value: string; namespace: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[value] ?? 'blue'} data-testid="status-tag" data-status={value}>
      {t(`${namespace}.${value}`, { defaultValue: value })}
    </Tag>
  );
}
