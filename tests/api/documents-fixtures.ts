// Shared by the documents suites: create documents and versions as demo people, call the
// document-access function and read its error body.
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { FunctionsHttpError, type SupabaseClient } from '@supabase/supabase-js';
import type { TestStack } from '../helpers/stack.ts';
import type { demoPeople, DemoPerson } from '../helpers/demo.ts';

export interface Doc {
  id: string;
  access_level: string;
  owner_id: string;
  current_version: number;
}

export function documentsFixtures(t: TestStack, as: ReturnType<typeof demoPeople>) {
  async function newDoc(who: DemoPerson, fields: Record<string, unknown> = {}): Promise<Doc> {
    const { client } = await as(who);
    const { data, error } = await client.from('documents')
      .insert({ title: `文档 ${crypto.randomUUID().slice(0, 8)}`, ...fields }).select().single();
    expect(error).toBeNull();
    return data as Doc;
  }

  /** Uploads a file under the document's folder and records it as the next version. */
  async function addVersion(who: DemoPerson, docId: string, body = 'content', fileName = 'note.txt', mime = 'text/plain') {
    const { client, id } = await as(who);
    const path = `${docId}/${crypto.randomUUID()}-${fileName}`;
    const up = await client.storage.from('documents').upload(path, new Blob([body], { type: mime }), { contentType: mime });
    expect(up.error).toBeNull();
    const { data, error } = await client.from('document_versions')
      .insert({ document_id: docId, storage_path: path, file_name: fileName, mime_type: mime, size_bytes: body.length, uploaded_by: id })
      .select().single();
    expect(error).toBeNull();
    return { path, version_no: (data as { version_no: number }).version_no };
  }

  async function invokeAccess(client: SupabaseClient, body: unknown, headers: Record<string, string> = {}) {
    const { data, error, response } = await client.functions.invoke('document-access', {
      body: body as Record<string, unknown>, headers,
    });
    if (error instanceof FunctionsHttpError) {
      const res = error.context as Response;
      return { status: res.status, body: await res.json() };
    }
    if (error) throw error;
    return { status: response!.status, body: data };
  }

  async function sql<R = Record<string, unknown>>(text: string, params: unknown[] = []) {
    return (await t.stack.ctx.db.query<R>(text, params)).rows;
  }

  return { newDoc, addVersion, invokeAccess, sql };
}
