// A grid column's header: its title, the sort state, and a filter box (Enter applies).
import { useState } from 'react';
import { Badge, Button, Input, Popover } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { renderSortIcon, type RenderHeaderCellProps } from 'react-data-grid';
import { useTranslation } from 'react-i18next';

interface Props<R> extends RenderHeaderCellProps<R> {
  title: string;
  filter: string | undefined;
  onFilter: (text: string) => void;
}

export function ColumnHeader<R>({ column, title, sortDirection, filter, onFilter }: Props<R>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(filter ?? '');
  const apply = (value: string) => {
    onFilter(value);
    setOpen(false);
  };
  return (
    <span className="te-header" title={column.key}>
      <span className="te-header-title">{title}</span>
      {renderSortIcon({ sortDirection })}
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        content={
          // The popup is a React child of the header cell: keep its keys and clicks from sorting.
          <div onKeyDown={(e) => e.stopPropagation()} onClick={(e) => e.stopPropagation()} onMouseDown={(e) => e.stopPropagation()}>
          <Input.Search
            autoFocus
            allowClear
            size="small"
            data-testid={`filter-input-${column.key}`}
            placeholder={t('table_editor.filter')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={apply}
            enterButton={t('table_editor.apply')}
          />
          </div>
        }
      >
        <Button
          type="text"
          size="small"
          data-testid={`filter-${column.key}`}
          onClick={(e) => e.stopPropagation()}
          onMouseDown={(e) => e.stopPropagation()}
          icon={<Badge dot={!!filter}><FilterOutlined /></Badge>}
        />
      </Popover>
    </span>
  );
}
