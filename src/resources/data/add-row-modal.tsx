// "Add row": one text box per column the user fills (columns the database fills itself are left
// out), each checked by the column's type; the insert goes through the REST API (RLS applies).
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseCell } from '../../components/cell-value/parse.ts';
import type { ColumnInfo, TableInfo } from '../../providers/table-schema.ts';
import { supabase } from '../../providers/supabase-client.ts';
import { useApiMessage } from '../../hooks/use-api-message.ts';

interface Props {
  table: TableInfo;
  open: boolean;
  title: (c: ColumnInfo) => string;
  onClose: (added: boolean) => void;
}

const FILLED_BY_DATABASE = new Set(['created_at', 'updated_at', 'created_by']);

/** Columns offered in the form: not the ones the database fills (keys and stamps with defaults). */
export function insertableColumns(table: TableInfo): ColumnInfo[] {
  return table.columns.filter((c) => c.defaultValue === undefined || !(c.primaryKey || FILLED_BY_DATABASE.has(c.name)));
}

export function AddRowModal({ table, open, title, onClose }: Props) {
  const { t } = useTranslation();
  const apiMessage = useApiMessage();
  const [form] = Form.useForm<Record<string, string>>();
  const columns = insertableColumns(table);

  const submit = async () => {
    const texts = await form.validateFields();
    const values: Record<string, unknown> = {};
    for (const c of columns) {
      const text = texts[c.name] ?? '';
      if (text.trim() === '') continue; // the column's default (or null) applies
      const parsed = parseCell(text, c);
      if (parsed.ok) values[c.name] = parsed.value;
    }
    const { error } = await supabase.from(table.name).insert(values);
    if (error) {
      apiMessage.error(error);
      return;
    }
    apiMessage.success(t('table_editor.added'));
    form.resetFields();
    onClose(true);
  };

  return (
    <Modal open={open} title={t('table_editor.addRow')} onOk={() => void submit()} onCancel={() => onClose(false)} destroyOnClose okButtonProps={{ 'data-testid': 'add-row-save' } as Record<string, string>}>
      <Form form={form} layout="vertical" data-testid="add-row-form" style={{ maxHeight: '60vh', overflowY: 'auto' }}>
        {columns.map((c) => (
          <Form.Item
            key={c.name}
            name={c.name}
            label={`${title(c)} (${c.pgType})`}
            rules={[
              {
                validator: async (_, text: string | undefined) => {
                  if (!text?.trim()) {
                    if (c.required) throw new Error(t('cellValue.errors.required'));
                    return;
                  }
                  const parsed = parseCell(text, c);
                  if (!parsed.ok) throw new Error(t(parsed.error, parsed.params));
                },
              },
            ]}
            required={c.required}
          >
            <Input data-testid={`add-${c.name}`} placeholder={c.enumValues?.join(' / ') ?? c.defaultValue} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
