// A foreign key cell's editor: a searchable picker over the referenced table, showing each row's
// name / title / code (the label column) rather than its id.
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { supabase } from '../../providers/supabase-client.ts';
import { labelColumnOf, loadTableSchema } from '../../providers/table-schema.ts';

interface Props {
  target: { table: string; column: string };
  nullable: boolean;
  value: string | undefined;
  onPick: (value: string | null) => void;
  onCancel: () => void;
}

interface Option {
  value: string;
  label: string;
}

async function search(target: Props['target'], text: string): Promise<Option[]> {
  const info = (await loadTableSchema()).get(target.table);
  const label = info && labelColumnOf(info);
  let query = supabase.from(target.table).select(label ? `${target.column}, ${label}` : target.column).limit(20);
  if (text) query = label ? query.ilike(label, `%${text}%`) : query.eq(target.column, text);
  if (label) query = query.order(label);
  const { data, error } = await query;
  if (error) throw error;
  return ((data ?? []) as unknown as Record<string, unknown>[]).map((r) => ({
    value: String(r[target.column]),
    label: label && r[label] != null ? String(r[label]) : String(r[target.column]),
  }));
}

export function FkPicker({ target, nullable, value, onPick, onCancel }: Props) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      search(target, text)
        .then((found) => live && setOptions(found))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [target, text]);

  return (
    <Select<string>
      autoFocus
      defaultOpen
      showSearch
      size="small"
      style={{ width: '100%' }}
      data-testid="fk-picker"
      allowClear={nullable}
      filterOption={false}
      loading={loading}
      defaultValue={value}
      options={options.some((o) => o.value === value) || !value ? options : [{ value, label: value }, ...options]}
      onSearch={setText}
      onChange={(v) => onPick(v ?? null)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    />
  );
}
