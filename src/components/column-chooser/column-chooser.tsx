// A "columns" button listing a table's columns with a checkbox each.
import { Button, Checkbox, Dropdown, Space } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  columns: readonly { key: string; title: string }[];
  isVisible: (key: string) => boolean;
  setVisible: (key: string, visible: boolean) => void;
}

export function ColumnChooser({ columns, isVisible, setVisible }: Props) {
  const { t } = useTranslation();
  const panel = (
    <div className="ant-dropdown-menu" style={{ padding: 12 }} data-testid="column-chooser-panel">
      <Space direction="vertical">
        {columns.map((c) => (
          <Checkbox key={c.key} checked={isVisible(c.key)} onChange={(e) => setVisible(c.key, e.target.checked)} data-testid={`column-${c.key}`}>
            {c.title}
          </Checkbox>
        ))}
      </Space>
    </div>
  );
  return (
    <Dropdown trigger={['click']} dropdownRender={() => panel}>
      <Button icon={<SettingOutlined />} data-testid="column-chooser">{t('table.columns')}</Button>
    </Dropdown>
  );
}
