// The four access levels as select options, each with its coloured tag.
import { Select, type SelectProps } from 'antd';
import { AccessLevelTag } from '../../components/access-level-tag.tsx';
import { LEVEL_ORDER } from './options.ts';

export function LevelSelect(props: SelectProps) {
  return <Select {...props} options={LEVEL_ORDER.map((l) => ({ value: l, label: <AccessLevelTag level={l} /> }))} />;
}
