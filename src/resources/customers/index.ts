// Customer pages, for src/resources/pages.ts.
export { default as CustomerList } from './list.tsx';
export { default as CustomerCreate } from './create.tsx';
export { default as CustomerEdit } from './edit.tsx';
export { default as CustomerShow } from './show.tsx';
