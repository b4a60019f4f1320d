// Go's time.ParseDuration, which GoTrue uses for ban_duration ("24h", "1h30m", "876000h").
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or undefined when the text is not a Go duration. */
export function parseGoDuration(text: string): number | undefined {
  const m = /^([-+]?)(.*)$/.exec(text)!;
  const sign = m[1] === '-' ? -1 : 1;
  const rest = m[2];
  if (rest === '0') return 0;
  if (!rest) return undefined;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  while (pos < rest.length) {
    re.lastIndex = pos;
    const part = re.exec(rest);
    if (!part) return undefined;
    total += Number(part[1]) * UNITS[part[2]];
    pos = re.lastIndex;
  }
  return sign * total;
}
