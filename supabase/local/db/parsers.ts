// One mapping from Postgres types to JS values for both adapters, so code above the Db interface
// sees the same values whichever database runs: JSON parsed, small numbers as numbers, and
// everything whose precision or format matters (int8, numeric, dates and times) as Postgres's text.
export const TYPE_OIDS = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  oid: 26,
  json: 114,
  float4: 700,
  float8: 701,
  jsonb: 3802,
} as const;

export const textParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.bool]: (v) => v === 't' || v === 'true',
  [TYPE_OIDS.int2]: (v) => Number(v),
  [TYPE_OIDS.int4]: (v) => Number(v),
  [TYPE_OIDS.oid]: (v) => Number(v),
  [TYPE_OIDS.float4]: (v) => Number(v),
  [TYPE_OIDS.float8]: (v) => Number(v),
  [TYPE_OIDS.json]: (v) => JSON.parse(v),
  [TYPE_OIDS.jsonb]: (v) => JSON.parse(v),
};

/** Types whose text form is returned unchanged (both drivers would otherwise make Dates/BigInts). */
export const RAW_TEXT_OIDS = [20, 1700, 1082, 1083, 1114, 1184, 1186, 1266];

export function parseText(oid: number, value: string): unknown {
  const parser = textParsers[oid];
  return parser ? parser(value) : value;
}
