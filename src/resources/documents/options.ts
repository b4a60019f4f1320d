// Document categories (public.document_category), access levels and the record shapes the document
// pages read (supabase/migrations/20261123003000_documents.sql and the next ones).
import { ACCESS_LEVELS, type AccessLevel } from '../../components/access-level-tag.tsx';

export const DOCUMENT_CATEGORIES = [
  'customer_files', 'contracts', 'project_docs', 'market_research', 'rules', 'meeting_minutes', 'training', 'other',
] as const;
/** The team documents (团队文档) group of the category tree. */
export const TEAM_CATEGORIES = ['rules', 'meeting_minutes', 'training'] as const;

/** What the database's default_access_level trigger would choose (DOMAIN.md §9). */
export function defaultLevel(category: string | undefined, sensitive = false): AccessLevel {
  return category === 'customer_files' || category === 'contracts' || sensitive ? 'confidential' : 'internal';
}

/** Levels in the database's order: a later one is more restrictive. */
export const LEVEL_ORDER: readonly AccessLevel[] = ACCESS_LEVELS;

/** Record types a document may be related to, with the page that shows them. */
export const RELATED_TYPES: Record<string, { resource: string; label: string; path: string }> = {
  customer: { resource: 'customers', label: 'name', path: '/customers/show/' },
  contract: { resource: 'contracts', label: 'title', path: '/contracts/show/' },
  quotation: { resource: 'quotations', label: 'title', path: '/quotations/show/' },
};

export interface DocumentRecord {
  id: string;
  title: string;
  category: string;
  tags: string[];
  description: string | null;
  related_type: string | null;
  related_id: string | null;
  sensitive: boolean;
  access_level: AccessLevel;
  owner_id: string;
  current_version: number;
  created_at: string;
  updated_at: string;
  owner?: { full_name: string } | null;
}

export interface VersionRecord {
  id: string;
  version_no: number;
  file_name: string;
  size_bytes: number | null;
  mime_type: string | null;
  note: string | null;
  created_at: string;
  uploader?: { full_name: string } | null;
}

export interface AccessRequestRecord {
  id: string;
  document_id: string;
  requester_id: string;
  reason: string;
  period_days: number;
  status: 'draft' | 'pending' | 'approved';
  granted_until: string | null;
  rejected_at: string | null;
  created_at: string;
  title: string | null;
  requester?: { full_name: string } | null;
}

/** A request's state as the requester sees it. */
export function grantState(r: AccessRequestRecord, now = Date.now()): 'pending' | 'granted' | 'expired' | 'rejected' | 'draft' {
  if (r.status === 'approved') return r.granted_until && Date.parse(r.granted_until) > now ? 'granted' : 'expired';
  if (r.status === 'pending') return 'pending';
  return r.rejected_at ? 'rejected' : 'draft';
}
