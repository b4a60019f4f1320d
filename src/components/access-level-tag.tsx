// 公开 / 内部 / 秘密 / 机密: a document's access level in its conventional colour.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const ACCESS_LEVELS = ['public', 'internal', 'secret', 'confidential'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

const COLORS: Record<AccessLevel, string> = { public: 'green', internal: 'blue', secret: 'orange', confidential: 'red' };

export function AccessLevelTag({ level }: { level: AccessLevel }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[level] ?? 'default'}>{t(`accessLevel.${level}`)}</Tag>;
}
