// The library's categories as a side tree; team documents group rules, minutes and training.
import { Tree } from 'antd';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_CATEGORIES, TEAM_CATEGORIES } from './options.ts';

const TOP = DOCUMENT_CATEGORIES.filter((c) => !(TEAM_CATEGORIES as readonly string[]).includes(c));

/** The categories a tree key stands for: 'all' → none (no filter), 'team' → its three. */
export function categoriesOf(key: string): string[] {
  if (key === 'all') return [];
  if (key === 'team') return [...TEAM_CATEGORIES];
  return [key];
}

export function CategoryTree({ selected, onSelect }: { selected: string; onSelect: (key: string) => void }) {
  const { t } = useTranslation();
  const node = (key: string) => ({ key, title: <span data-testid={`category-${key}`}>{t(`documents.category.${key}`)}</span> });
  const treeData = [
    node('all'),
    ...TOP.filter((c) => c !== 'other').map(node),
    { ...node('team'), children: TEAM_CATEGORIES.map(node) },
    node('other'),
  ];
  return (
    <Tree blockNode defaultExpandAll selectedKeys={[selected]} treeData={treeData}
      onSelect={(keys) => keys.length > 0 && onSelect(String(keys[0]))} data-testid="category-tree" />
  );
}
