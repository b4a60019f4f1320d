// Shared list import: see import-button.tsx (UI), commit.ts (the one bulk insert) and
// commit-groups.ts (records with lines, e.g. quotations: one RPC call).
export { ImportButton } from './import-button.tsx';
