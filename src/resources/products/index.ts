// Product / price list pages, for src/resources/pages.ts.
export { default as ProductList } from './list.tsx';
export { default as ProductCreate } from './create.tsx';
export { default as ProductEdit } from './edit.tsx';
