// The customer list's data columns, each with how it renders in the table and what it exports.
import type { ReactNode } from 'react';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { ExportColumn } from '../../components/export/index.ts';
import type { CustomerRecord } from './options.ts';

export interface CustomerColumn extends ExportColumn<CustomerRecord> {
  sorter?: boolean;
  render: (row: CustomerRecord) => ReactNode;
}

const date = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : null);

export function customerColumns(t: TFunction): CustomerColumn[] {
  const text = (key: 'name' | 'industry' | 'city', sorter = false): CustomerColumn => ({
    key,
    title: t(`customers.fields.${key}`),
    sorter,
    value: (r) => r[key],
    render: (r) => r[key] ?? '—',
  });
  return [
    text('name', true),
    text('industry', true),
    text('city'),
    {
      key: 'level', title: t('customers.fields.level'), sorter: true,
      value: (r) => t(`customers.level.${r.level}`),
      render: (r) => <Tag color={r.level === 'key' ? 'gold' : undefined}>{t(`customers.level.${r.level}`)}</Tag>,
    },
    {
      key: 'stage', title: t('customers.fields.stage'), sorter: true,
      value: (r) => t(`customers.stage.${r.stage}`),
      render: (r) => t(`customers.stage.${r.stage}`),
    },
    {
      key: 'owner', title: t('customers.fields.owner_id'),
      value: (r) => r.owner?.full_name ?? t('customers.scope.pool'),
      render: (r) => r.owner?.full_name ?? <Tag>{t('customers.scope.pool')}</Tag>,
    },
    { key: 'group', title: t('customers.fields.group_id'), value: (r) => r.group?.name, render: (r) => r.group?.name ?? '—' },
    {
      key: 'tags', title: t('customers.fields.tags'),
      value: (r) => (r.tags ?? []).join(', '),
      render: (r) => r.tags?.map((x) => <Tag key={x}>{x}</Tag>),
    },
    {
      key: 'last_follow_up_at', title: t('customers.fields.last_follow_up_at'), sorter: true,
      value: (r) => date(r.last_follow_up_at),
      render: (r) => date(r.last_follow_up_at) ?? '—',
    },
    {
      key: 'next_follow_up_on', title: t('customers.fields.next_follow_up_on'), sorter: true,
      value: (r) => r.next_follow_up_on,
      render: (r) => r.next_follow_up_on ?? '—',
    },
  ];
}
