import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';

export function Title({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/">
      <Typography.Title level={5} style={{ margin: 0, whiteSpace: 'nowrap' }}>
        {collapsed ? 'BD' : t('app.name')}
      </Typography.Title>
    </Link>
  );
}
