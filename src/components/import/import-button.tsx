// "Import" for a list: shown only to roles that may create the resource (the database's RLS stays
// the guard); opens the wizard, loaded lazily, and refreshes the list after records went in.
import { lazy, Suspense, useState } from 'react';
import { Button } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useCan, useInvalidate } from '@refinedev/core';
import { useTranslation } from 'react-i18next';

const ImportWizard = lazy(() => import('./import-wizard.tsx'));

interface Props {
  resource: string;
  /** Shown in the wizard's title, e.g. the list's title. */
  title: string;
  /** Whether the user may insert, when the caller knows (the table editor: the table's schema). */
  allowed?: boolean;
}

export function ImportButton({ resource, title, allowed }: Props) {
  const { t } = useTranslation();
  const { data: can } = useCan({ resource, action: 'create', queryOptions: { enabled: allowed === undefined } });
  const invalidate = useInvalidate();
  const [open, setOpen] = useState(false);
  if (!(allowed ?? can?.can)) return null;
  const close = (inserted: number) => {
    setOpen(false);
    if (inserted > 0) void invalidate({ resource, invalidates: ['list'] });
  };
  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => setOpen(true)} data-testid="import-button">{t('import.button')}</Button>
      {open && (
        <Suspense fallback={null}>
          <ImportWizard resource={resource} title={title} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
