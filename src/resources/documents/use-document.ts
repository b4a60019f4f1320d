// One document as the caller may read it (null when the database hides it), whether they may
// write it, and the access requests for it.
import { useQuery } from '@tanstack/react-query';
import { supabase } from '../../providers/supabase-client.ts';
import type { AccessRequestRecord, DocumentRecord } from './options.ts';

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: ['document', id],
    enabled: Boolean(id),
    queryFn: async () => {
      const { data, error } = await supabase.from('documents')
        .select('*, owner:profiles!documents_owner_id_fkey(full_name)').eq('id', id!).maybeSingle();
      if (error) throw error;
      const doc = data as DocumentRecord | null;
      const writable = doc ? (await supabase.rpc('document_writable', { document_id: id })).data === true : false;
      return { doc, writable };
    },
  });
}

/** Access requests for a document: the requester's own, or (requester omitted) all the caller may read. */
export function useAccessRequests(documentId: string | undefined, requesterId?: string) {
  return useQuery({
    queryKey: ['document-access-requests', documentId, requesterId ?? 'all'],
    enabled: Boolean(documentId),
    queryFn: async () => {
      let q = supabase.from('document_access_requests').select('*, requester:profiles!document_access_requests_requester_id_fkey(full_name)')
        .eq('document_id', documentId!);
      if (requesterId) q = q.eq('requester_id', requesterId);
      const { data, error } = await q.order('created_at', { ascending: false }).limit(20);
      if (error) throw error;
      return data as AccessRequestRecord[];
    },
  });
}
