// Type-aware cell editors for the grid. They hand the grid a draft (typed text, or a picked
// value); the page parses and writes it when the editor commits (Enter, Tab, click elsewhere).
import type { ReactNode } from 'react';
import { Select } from 'antd';
import type { RenderEditCellProps } from 'react-data-grid';
import { useTranslation } from 'react-i18next';
import { formatCell } from '../../components/cell-value/format.ts';
import type { ColumnInfo } from '../../providers/table-schema.ts';
import type { RowSlot } from './use-table-window.ts';
import { FkPicker } from './fk-picker.tsx';
import { enumLabel } from './table-title.ts';

export interface EditorSlot extends RowSlot {
  draft?: { column: string; text?: string; value?: unknown };
}
type Props = RenderEditCellProps<EditorSlot> & { info: ColumnInfo };

function TextEditor({ row, column, onRowChange, info }: Props) {
  const text = row.draft?.column === column.key && row.draft.text !== undefined ? row.draft.text : formatCell(row.data?.[column.key], info);
  return (
    <input
      className="te-text-editor"
      data-testid="cell-editor"
      autoFocus
      value={text}
      placeholder={info.kind === 'date' ? 'YYYY-MM-DD' : info.kind === 'datetime' ? 'YYYY-MM-DD HH:mm' : undefined}
      onChange={(e) => onRowChange({ ...row, draft: { column: column.key, text: e.target.value } })}
    />
  );
}

function ChoiceEditor({ row, column, onRowChange, onClose, info, options }: Props & { options: { value: string | boolean; label: string }[] }) {
  return (
    <Select<string>
      autoFocus
      defaultOpen
      size="small"
      style={{ width: '100%' }}
      data-testid="cell-editor"
      allowClear={info.nullable}
      defaultValue={row.data?.[column.key] == null ? undefined : String(row.data[column.key])}
      options={options.map((o) => ({ value: String(o.value), label: o.label }))}
      onChange={(v) => {
        const value = v === undefined ? null : info.kind === 'boolean' ? v === 'true' : v;
        onRowChange({ ...row, draft: { column: column.key, value } }, true);
      }}
      onKeyDown={(e) => e.key === 'Escape' && onClose(false)}
    />
  );
}

// One editor component per column, made once: a new component type on every render of the grid
// would remount an open editor (and close its dropdown) whenever anything else changed.
const editors = new WeakMap<ColumnInfo, (props: RenderEditCellProps<EditorSlot>) => ReactNode>();

/** The editor for a column: pickers for foreign keys, enums and booleans, typed text otherwise. */
export function editorFor(info: ColumnInfo, table: string) {
  let editor = editors.get(info);
  if (!editor) {
    editor = makeEditor(info, table);
    editors.set(info, editor);
  }
  return editor;
}

function makeEditor(info: ColumnInfo, table: string) {
  return function CellEditor(props: RenderEditCellProps<EditorSlot>) {
    const { t, i18n } = useTranslation();
    if (info.references) {
      return (
        <FkPicker
          target={info.references}
          nullable={info.nullable}
          value={props.row.data?.[info.name] as string | undefined}
          onPick={(value) => props.onRowChange({ ...props.row, draft: { column: info.name, value } }, true)}
          onCancel={() => props.onClose(false)}
        />
      );
    }
    if (info.kind === 'enum') {
      const label = (v: string) => {
        const text = enumLabel(i18n, table, info.name, v);
        return text ? `${text} (${v})` : v;
      };
      return <ChoiceEditor {...props} info={info} options={(info.enumValues ?? []).map((v) => ({ value: v, label: label(v) }))} />;
    }
    if (info.kind === 'boolean') {
      return <ChoiceEditor {...props} info={info} options={[{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }]} />;
    }
    return <TextEditor {...props} info={info} />;
  };
}
