// GET /rest/v1/ describes columns the way PostgREST's OpenAPI output does (its `data_type`):
// built-in types without their modifier, other types with modifier and schema, domains over
// built-ins as their base type; character lengths as maxLength.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { reloadSchema, rest } from './rest-fixture.ts';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
  await t.stack.ctx.db.exec(`
    create type public.gadget_kind as enum ('small', 'large');
    create domain public.positive_amount as numeric(12,2) check (value > 0);
    create domain public.gadget_kind_d as public.gadget_kind;
    create table public.gadgets (
      id bigint generated always as identity primary key,
      code character varying(20) not null,
      letter character(1),
      price numeric(10,2),
      amount public.positive_amount,
      kind public.gadget_kind not null default 'small',
      kind_d public.gadget_kind_d,
      kinds public.gadget_kind[],
      tags text[],
      at timestamp with time zone,
      on_day date
    );
    grant select on public.gadgets to anon;`);
  await reloadSchema(t);
});
afterAll(() => t?.close());

describe('openapi column formats', () => {
  it('follow PostgREST', async () => {
    const doc = await (await rest(t, '/')).json();
    const p = doc.definitions.gadgets.properties;
    expect(p.id).toMatchObject({ type: 'integer', format: 'bigint' });
    expect(p.code).toMatchObject({ type: 'string', format: 'character varying', maxLength: 20 });
    expect(p.letter).toMatchObject({ type: 'string', format: 'character', maxLength: 1 });
    expect(p.price).toMatchObject({ type: 'number', format: 'numeric' });
    expect(p.amount).toMatchObject({ format: 'numeric' });
    expect(p.kind).toMatchObject({ type: 'string', format: 'public.gadget_kind', enum: ['small', 'large'] });
    expect(p.kind_d).toMatchObject({ format: 'public.gadget_kind_d', enum: ['small', 'large'] });
    expect(p.kinds).toMatchObject({ type: 'array', format: 'public.gadget_kind[]' });
    expect(p.tags).toMatchObject({ type: 'array', format: 'text[]' });
    expect(p.at).toMatchObject({ type: 'string', format: 'timestamp with time zone' });
    expect(p.on_day).toMatchObject({ type: 'string', format: 'date' });
    expect(doc.definitions.gadgets.required).toEqual(['code']);
  });
});
