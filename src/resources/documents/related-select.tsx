// Picks the record a document belongs to: its type, then one record of that type (server search).
import { Select, Space, type SelectProps } from 'antd';
import { useSelect } from '@refinedev/antd';
import { useTranslation } from 'react-i18next';
import { RELATED_TYPES } from './options.ts';

export interface RelatedValue { type?: string; id?: string }

export function RelatedSelect({ value, onChange, testId }: { value?: RelatedValue; onChange?: (v: RelatedValue) => void; testId?: string }) {
  const { t } = useTranslation();
  const type = value?.type;
  const spec = type ? RELATED_TYPES[type] : undefined;
  const { selectProps } = useSelect({
    resource: spec?.resource ?? 'customers',
    optionLabel: (spec?.label ?? 'name') as never,
    optionValue: 'id' as never,
    onSearch: (v) => [{ field: spec?.label ?? 'name', operator: 'contains', value: v }],
    queryOptions: { enabled: Boolean(spec) },
  });
  return (
    <Space.Compact data-testid={testId}>
      <Select allowClear style={{ width: 120 }} placeholder={t('documents.fields.related_type')} value={type}
        options={Object.keys(RELATED_TYPES).map((k) => ({ value: k, label: t(`documents.related.${k}`) }))}
        onChange={(v?: string) => onChange?.({ type: v, id: undefined })} />
      <Select {...(selectProps as SelectProps)} allowClear showSearch disabled={!spec} style={{ width: 220 }} placeholder={t('documents.fields.related_id')}
        value={value?.id} onChange={(v?: string) => onChange?.({ type, id: v })} />
    </Space.Compact>
  );
}
