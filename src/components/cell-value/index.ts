export { parseCell, type ParseOptions, type ParseResult } from './parse.ts';
export { formatCell } from './format.ts';
