// PostgREST's query grammar: select, filters, logic trees, order, Prefer, query strings, CSV.
import { describe, expect, it } from 'vitest';
import { parseSelect } from '../../supabase/local/rest/select-grammar.ts';
import { parseCondition, parseLogic, parseOrder } from '../../supabase/local/rest/filter-grammar.ts';
import { parsePrefer } from '../../supabase/local/rest/prefer.ts';
import { parseQueryString } from '../../supabase/local/rest/query-string.ts';
import { sortParams } from '../../supabase/local/rest/request-params.ts';
import { parseCsv, toCsv } from '../../supabase/local/rest/csv.ts';
import { castType } from '../../supabase/local/rest/casts.ts';
import { RestError } from '../../supabase/local/rest/errors.ts';
import { viewColumnSources } from '../../supabase/local/rest/view-sources.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as RestError).code;
  }
  return 'no error';
};

describe('select grammar', () => {
  it('parses columns, aliases, casts, JSON paths and embeds', () => {
    expect(parseSelect('id,who:name,price::text,city:meta->city->>name,"odd, name"')).toEqual([
      { type: 'column', field: { name: 'id', jsonPath: [] }, alias: undefined, cast: undefined },
      { type: 'column', field: { name: 'name', jsonPath: [] }, alias: 'who', cast: undefined },
      { type: 'column', field: { name: 'price', jsonPath: [] }, alias: undefined, cast: 'text' },
      { type: 'column', field: { name: 'meta', jsonPath: [{ arrow: '->', key: 'city' }, { arrow: '->>', key: 'name' }] }, alias: 'city', cast: undefined },
      { type: 'column', field: { name: 'odd, name', jsonPath: [] }, alias: undefined, cast: undefined },
    ]);
    expect(parseSelect('*,writer:authors!books_author_id_fkey!inner(name,books(*)),...genres(g:name),count()')).toEqual([
      { type: 'star' },
      {
        type: 'embed', name: 'authors', alias: 'writer', hint: 'books_author_id_fkey', joinType: 'inner', spread: false,
        children: [
          { type: 'column', field: { name: 'name', jsonPath: [] }, alias: undefined, cast: undefined },
          { type: 'embed', name: 'books', alias: undefined, hint: undefined, joinType: undefined, spread: false, children: [{ type: 'star' }] },
        ],
      },
      { type: 'embed', name: 'genres', hint: undefined, joinType: undefined, spread: true, children: [{ type: 'column', field: { name: 'name', jsonPath: [] }, alias: 'g', cast: undefined }] },
      { type: 'count', alias: undefined },
    ]);
  });

  it('rejects malformed select with PGRST100', () => {
    for (const bad of ['a,,b', 'a(', 'a)', '"x', 'a!b!c!d(x)', 'a:', 'a('.repeat(30) + ')'.repeat(30)]) {
      expect(code(() => parseSelect(bad)), bad).toBe('PGRST100');
    }
  });
});

describe('filters and logic trees', () => {
  it('parses operators, negation, modifiers and fts configs', () => {
    expect(parseCondition('eq.a.b')).toEqual({ negate: false, op: 'eq', quantifier: undefined, ftsConfig: undefined, value: 'a.b' });
    expect(parseCondition('not.in.(1,"a,b",c)')).toEqual({ negate: true, op: 'in', value: ['1', 'a,b', 'c'] });
    expect(parseCondition('like(any).{a*,b*}')).toMatchObject({ op: 'like', quantifier: 'any', value: '{a*,b*}' });
    expect(parseCondition('fts(english).cat')).toMatchObject({ op: 'fts', ftsConfig: 'english', value: 'cat' });
    expect(parseCondition('is.NULL')).toMatchObject({ op: 'is', value: 'null' });
    expect(code(() => parseCondition('is.maybe'))).toBe('PGRST100');
    expect(code(() => parseCondition('foo.1'))).toBe('PGRST100');
    expect(code(() => parseCondition('in.1,2'))).toBe('PGRST100');
    expect(code(() => parseCondition('gt(any).5'))).toBe('PGRST100');
  });

  it('parses nested or/and with quoted values', () => {
    const tree = parseLogic('or', false, '(a.eq.1,not.and(b.gt.2,c.is.null),d->>e.eq."x,y")');
    expect(tree).toEqual({
      type: 'logic', op: 'or', negate: false,
      children: [
        { type: 'filter', field: { name: 'a', jsonPath: [] }, cond: { negate: false, op: 'eq', quantifier: undefined, ftsConfig: undefined, value: '1' } },
        {
          type: 'logic', op: 'and', negate: true,
          children: [
            { type: 'filter', field: { name: 'b', jsonPath: [] }, cond: { negate: false, op: 'gt', quantifier: undefined, ftsConfig: undefined, value: '2' } },
            { type: 'filter', field: { name: 'c', jsonPath: [] }, cond: { negate: false, op: 'is', quantifier: undefined, ftsConfig: undefined, value: 'null' } },
          ],
        },
        { type: 'filter', field: { name: 'd', jsonPath: [{ arrow: '->>', key: 'e' }] }, cond: { negate: false, op: 'eq', quantifier: undefined, ftsConfig: undefined, value: 'x,y' } },
      ],
    });
    expect(code(() => parseLogic('or', false, '(a.eq.1'))).toBe('PGRST100');
    expect(code(() => parseLogic('or', false, '(' + 'and('.repeat(40) + 'a.eq.1' + ')'.repeat(41)))).toBe('PGRST100');
  });

  it('parses order terms', () => {
    expect(parseOrder('a.desc.nullslast,authors(name).asc,b')).toEqual([
      { relation: undefined, field: { name: 'a', jsonPath: [] }, direction: 'desc', nulls: 'last' },
      { relation: 'authors', field: { name: 'name', jsonPath: [] }, direction: 'asc' },
      { relation: undefined, field: { name: 'b', jsonPath: [] } },
    ]);
    expect(code(() => parseOrder('a.up'))).toBe('PGRST100');
  });
});

describe('query string and parameters', () => {
  it('keeps repeated keys and decodes + as space', () => {
    expect(parseQueryString('/t?a=eq.1&a=lt.5&b=eq.x+y&c')).toEqual([['a', 'eq.1'], ['a', 'lt.5'], ['b', 'eq.x y'], ['c', '']]);
    expect(code(() => parseQueryString('/t?%ZZ=1'))).toBe('PGRST100');
  });

  it('sorts reserved parameters per embed level', () => {
    const p = sortParams(parseQueryString('/t?select=*,books(*)&books.order=id.desc&books.limit=2&not.or=(a.eq.1)&books.or=(b.eq.2)&columns="x","y"&on_conflict=x&apikey=k'));
    expect(p.columns).toEqual(['x', 'y']);
    expect(p.onConflict).toEqual(['x']);
    expect(p.levels.get('')!.filters).toEqual([expect.objectContaining({ type: 'logic', op: 'or', negate: true })]);
    expect(p.levels.get('books')).toMatchObject({ limit: 2, order: [{ field: { name: 'id' }, direction: 'desc' }], filters: [expect.objectContaining({ op: 'or' })] });
    expect(code(() => sortParams(parseQueryString('/t?limit=-1')))).toBe('PGRST100');
  });

  it('reads Prefer headers', () => {
    expect(parsePrefer(['return=representation, count=exact', 'tx=rollback,missing=default,bogus=1,max-affected=5'])).toMatchObject({
      return: 'representation', count: 'exact', tx: 'rollback', missing: 'default', maxAffected: 5,
    });
    expect(parsePrefer('return=everything')).toEqual({ applied: [], invalid: ['return=everything'] });
  });
});

describe('csv and casts', () => {
  it('round-trips CSV with quotes, commas and NULLs', () => {
    expect(parseCsv('id,name,note\n1,"a, ""b""",\n2,x,""\n')).toEqual([
      { id: '1', name: 'a, "b"', note: null },
      { id: '2', name: 'x', note: '' },
    ]);
    expect(toCsv([{ a: 1, b: 'x,y', c: null, d: { k: 1 } }], ['a', 'b', 'c', 'd'])).toBe('a,b,c,d\n1,"x,y",,"{""k"":1}"');
    expect(code(() => parseCsv('a,b\n1'))).toBe('PGRST102');
  });

  it('quotes cast types and maps SQL spellings', () => {
    expect(castType('integer')).toBe('"int4"');
    expect(castType('text[]')).toBe('"text"[]');
    expect(code(() => castType('text; drop table x'))).toBe('PGRST100');
  });
});

describe('view column sources', () => {
  it('reads resorigtbl/resorigcol of the outer target list', () => {
    const action = '({QUERY :commandType 1 :targetList ({TARGETENTRY :expr {VAR :varno 1} :resno 1 :resname id :ressortgroupref 0 :resorigtbl 16400 :resorigcol 1 :resjunk false} {TARGETENTRY :expr {FUNCEXPR} :resno 2 :resname upper :ressortgroupref 0 :resorigtbl 0 :resorigcol 0 :resjunk false} {TARGETENTRY :expr {VAR :varno 1} :resno 3 :resname author\\ id :ressortgroupref 0 :resorigtbl 16400 :resorigcol 3 :resjunk false}) :override 0})';
    expect(viewColumnSources(action)).toEqual([
      { name: 'id', table: 16400, column: 1 },
      { name: 'author id', table: 16400, column: 3 },
    ]);
  });
});
