// Who may do what, per resource and action: mirrors the RLS policies of supabase/migrations so the
// UI hides what the database would refuse anyway. The database stays the guard.
import type { AppRole } from './roles.ts';

export type Action = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'reassign';
type Rule = AppRole[] | 'everyone';

const ADMIN: AppRole[] = ['admin'];
const DEPT_WIDE: AppRole[] = ['admin', 'general_manager', 'dept_manager'];
const SELLERS: AppRole[] = [...DEPT_WIDE, 'deputy_manager', 'group_leader', 'salesperson'];
const CONTRACT_READERS: AppRole[] = [...SELLERS, 'legal', 'finance', 'archivist'];
const AGREEMENT_READERS: AppRole[] = [...DEPT_WIDE, 'hr'];

export const PERMISSIONS: Record<string, Partial<Record<Action, Rule>>> = {
  // Menu groups.
  workspace: { list: 'everyone' },
  // Department-wide readers see the admin group for the table editor only (read-only there).
  admin: { list: DEPT_WIDE },
  home: { list: 'everyone' },
  inbox: { list: 'everyone' },
  notifications: { list: 'everyone', edit: 'everyone' },
  profile: { list: 'everyone', edit: 'everyone' },
  // 20261123000100_org.sql: profiles, user_roles and business_groups are written by admins only.
  profiles: { list: ADMIN, show: ADMIN, create: ADMIN, edit: ADMIN, delete: ADMIN },
  business_groups: { list: ADMIN, show: ADMIN, create: ADMIN, edit: ADMIN, delete: ADMIN },
  // 20261123000400_approvals.sql: workflow definitions and steps are admin-only writes.
  workflow_definitions: { list: ADMIN, show: ADMIN, create: ADMIN, edit: ADMIN, delete: ADMIN },
  // 20261123004000_table_editor.sql: the table editor; admins edit, department-wide roles read.
  table_data: { list: DEPT_WIDE, show: DEPT_WIDE, create: ADMIN, edit: ADMIN, delete: ADMIN },
  // 20261123001000_customers.sql / …001100_quotations.sql: sellers create customers and quotations
  // in their scope; finance reads customers; department-wide roles delete customers and keep the
  // price list, which everyone reads.
  sales: { list: 'everyone' },
  // reassign_customers: department-wide roles, deputies and group leaders, within their scope.
  customers: { list: 'everyone', show: 'everyone', create: SELLERS, edit: SELLERS, delete: DEPT_WIDE, reassign: [...DEPT_WIDE, 'deputy_manager', 'group_leader'] },
  quotations: { list: 'everyone', show: 'everyone', create: SELLERS, edit: SELLERS, delete: SELLERS },
  products: { list: 'everyone', create: DEPT_WIDE, edit: DEPT_WIDE, delete: DEPT_WIDE },
  // 20261123002000_contracts.sql: the scope reads and drafts contracts; legal, finance and the
  // archivist read them from their stage on (contract_role_reads); receivables follow the contract.
  contracts_menu: { list: CONTRACT_READERS },
  contracts: { list: CONTRACT_READERS, show: CONTRACT_READERS, create: SELLERS, edit: SELLERS, delete: SELLERS },
  receivables: { list: CONTRACT_READERS },
  // 20261123003000_documents.sql: every signed-in colleague files documents; the level decides
  // which rows they read (RLS).
  documents_menu: { list: 'everyone' },
  documents: { list: 'everyone', show: 'everyone', create: 'everyone' },
  document_loans: { list: 'everyone', create: 'everyone' },
  // …003100_document_access.sql: HR keeps agreements, HR and department-wide roles see who has
  // none; …003200_handover.sql: HR and the department manager run handovers, department-wide
  // roles read them (the leaver and receiver read theirs from the notification's link).
  hr_menu: { list: AGREEMENT_READERS },
  confidentiality_agreements: { list: AGREEMENT_READERS, create: ['hr', 'admin'], edit: ['hr', 'admin'] },
  handovers: { list: AGREEMENT_READERS, show: 'everyone', create: ['hr', 'dept_manager', 'admin'] },
};

export function isAllowed(roles: readonly AppRole[], resource: string | undefined, action: string): boolean {
  if (!resource) return true;
  const rules = PERMISSIONS[resource];
  if (!rules) return false;
  const rule = rules[action as Action] ?? (action === 'show' ? rules.list : undefined);
  if (!rule) return false;
  return rule === 'everyone' || roles.some((r) => rule.includes(r));
}
