-- Reader's copies of secret PDFs, stamped with who took them (the document-access function). A
-- private bucket with no policies: only the service role (the function) reads and writes it, and
-- a copy is reached through a signed URL valid 60 seconds.
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('document-copies', 'document-copies', false, 26214400, array['application/pdf'])
on conflict (id) do nothing;
