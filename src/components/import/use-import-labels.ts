// Column and enum labels of a resource in every app language, so a file's headers and values match
// whichever language it was written in (the other locale file is fetched once if not loaded yet).
import { useEffect, useState } from 'react';
import { i18n, LANGUAGES } from '../../providers/i18n.ts';
import { importLabels, type ImportLabels } from './labels.ts';

async function ensureBundles(): Promise<void> {
  await Promise.all(
    LANGUAGES.filter((lng) => !i18n.hasResourceBundle(lng, 'translation')).map(async (lng) => {
      const res = await fetch(`/locales/${lng}.json`);
      if (res.ok) i18n.addResourceBundle(lng, 'translation', await res.json());
    }),
  );
}

export function useImportLabels(resource: string): ImportLabels | undefined {
  const [labels, setLabels] = useState<ImportLabels>();
  useEffect(() => {
    let live = true;
    void ensureBundles().finally(() => {
      const translators = LANGUAGES.map((lng) => {
        const t = i18n.getFixedT(lng);
        return (key: string) => (i18n.exists(key, { lng, fallbackLng: false }) ? (t(key) as string) : undefined);
      });
      if (live) setLabels(importLabels(resource, translators));
    });
    return () => {
      live = false;
    };
  }, [resource]);
  return labels;
}
