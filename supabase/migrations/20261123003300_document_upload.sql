-- Whether the caller may add versions to a document (its owner or the owner's line managers). The
-- document-access function asks this as the caller before storing a file of a secret document,
-- whose objects the storage API never hands back to anyone (so cannot take uploads either).
create function public.document_writable(document_id uuid) returns boolean
language sql stable
set search_path = ''
as $$
  select private.can_write_document(document_id)
$$;
revoke execute on function public.document_writable(uuid) from public, anon;
grant execute on function public.document_writable(uuid) to authenticated;
