// Quotation pages, for src/resources/pages.ts.
export { default as QuotationList } from './list.tsx';
export { default as QuotationCreate } from './create.tsx';
export { default as QuotationEdit } from './edit.tsx';
export { default as QuotationShow } from './show.tsx';
