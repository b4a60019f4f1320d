// 公开 / 内部 / 秘密 / 机密: a document's access level in its conventional colour.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// In the database's order (public.access_level): a later level is more restrictive.
export const ACCESS_LEVELS = ['public', 'internal', 'confidential', 'secret'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

const COLORS: Record<AccessLevel, string> = { public: 'green', internal: 'blue', confidential: 'orange', secret: 'red' };

export function AccessLevelTag({ level }: { level: AccessLevel }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[level] ?? 'default'} data-level={level}>{t(`accessLevel.${level}`)}</Tag>;
}
