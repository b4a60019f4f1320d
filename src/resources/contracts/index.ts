// Contract pages, for src/resources/pages.ts.
export { default as ContractList } from './list.tsx';
export { default as ContractCreate } from './create.tsx';
export { default as ContractEdit } from './edit.tsx';
export { default as ContractShow } from './show.tsx';
