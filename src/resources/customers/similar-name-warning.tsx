// Warns, before saving, that customers with a similar company name exist (trigram similarity in
// the database, covering customers the user cannot open).
import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { similarCustomers, type SimilarCustomer } from './customer-api.ts';

export function SimilarNameWarning({ name, excludeId }: { name?: string; excludeId?: string }) {
  const { t } = useTranslation();
  const [matches, setMatches] = useState<SimilarCustomer[]>([]);
  useEffect(() => {
    const value = name?.trim() ?? '';
    if (value.length < 2) {
      setMatches([]);
      return;
    }
    let cancelled = false;
    // Debounced: one query after typing pauses.
    const timer = setTimeout(() => {
      similarCustomers(value)
        .then((rows) => !cancelled && setMatches(rows.filter((r) => r.id !== excludeId)))
        .catch(() => !cancelled && setMatches([]));
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [name, excludeId]);
  if (matches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="similar-customers"
      style={{ marginBottom: 16 }}
      message={t('customers.similar.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {matches.map((m) => (
            <li key={m.id}>
              {m.customer_name} — {m.in_pool ? t('customers.similar.inPool') : t('customers.similar.ownedBy', { name: m.owner_name ?? '—' })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
