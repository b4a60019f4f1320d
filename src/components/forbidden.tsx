import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <div data-testid="forbidden">
      <Result status="403" title="403" subTitle={t('errors.forbiddenPage')} />
    </div>
  );
}
