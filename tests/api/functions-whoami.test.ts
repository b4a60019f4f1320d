// The project's whoami function end to end: a signed-in user invokes it with functions-js; the
// function reads the user through the auth API with the caller's own token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunctionsHttpError } from '@supabase/supabase-js';
import { makeClient, startTestStack, type TestStack } from '../helpers/stack.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.close());

describe('whoami', () => {
  it("returns the signed-in caller's user, read with the caller's own JWT", async () => {
    const email = `whoami-${Date.now()}@example.com`;
    const password = 'Whoami#2026x';
    const created = await t.admin().auth.admin.createUser({ email, password, email_confirm: true });
    expect(created.error).toBeNull();
    const client = t.client();
    const signedIn = await client.auth.signInWithPassword({ email, password });
    expect(signedIn.error).toBeNull();
    const { data, error } = await client.functions.invoke('whoami');
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: created.data.user!.id, email, role: 'authenticated' });
    expect(data.user).toMatchObject({ id: created.data.user!.id, email, aud: 'authenticated' });
  });

  it('has no user for the anon key', async () => {
    const { data, error } = await t.client().functions.invoke('whoami');
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: null, role: 'anon', user: null });
  });

  it('refuses a caller without a valid JWT (verify_jwt)', async () => {
    const res = await fetch(`${t.url}/functions/v1/whoami`, { method: 'POST' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ msg: 'Error: Missing authorization header' });
    const { error } = await makeClient(t.url, 'forged.token.value').functions.invoke('whoami');
    expect(error).toBeInstanceOf(FunctionsHttpError);
    expect((error as FunctionsHttpError).context.status).toBe(401);
  });

  it('answers CORS preflight itself', async () => {
    const res = await fetch(`${t.url}/functions/v1/whoami`, { method: 'OPTIONS' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
