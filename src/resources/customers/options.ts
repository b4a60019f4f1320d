// The customer enums of supabase/migrations/20261123001000_customers.sql, in display order.
export const CUSTOMER_LEVELS = ['key', 'general', 'potential'] as const;
export const CUSTOMER_STAGES = ['potential', 'initial_contact', 'needs_analysis', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const CUSTOMER_SOURCES = ['research', 'trade_show', 'web', 'referral', 'telemarketing', 'other'] as const;
export const FOLLOW_UP_METHODS = ['phone', 'email', 'visit', 'meeting', 'im'] as const;
export const CREDIT_RATINGS = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;
/** Same patterns as the database's check constraints, for field errors before saving. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{5,19}$/;
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface CustomerRecord {
  id: string;
  name: string;
  industry: string | null;
  city: string | null;
  address: string | null;
  source: string | null;
  demand_intent: string | null;
  purchase_preferences: string | null;
  budget: number | null;
  currency: string;
  level: string;
  stage: string;
  owner_id: string | null;
  group_id: string | null;
  credit_rating: string | null;
  credit_limit: number | null;
  credit_term_days: number | null;
  financial_notes: string | null;
  tags: string[];
  last_follow_up_at: string | null;
  next_follow_up_on: string | null;
  revisit_interval_days: number | null;
  notes: string | null;
  owner?: { full_name: string } | null;
  group?: { name: string } | null;
}
