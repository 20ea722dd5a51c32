// The Europe/London calendar day containing an instant, as UTC instants: daily caps reset at
// local midnight, not UTC midnight (an hour apart in summer).
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function londonWallClock(at: Date): { y: number; m: number; d: number; offsetMs: number } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  const wallAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), offsetMs: wallAsUtc - Math.floor(at.getTime() / 1000) * 1000 };
}

function londonMidnight(y: number, m: number, d: number): Date {
  const guess = Date.UTC(y, m - 1, d);
  // Midnight is never inside a UK clock change (they happen at 01:00/02:00), so one correction is exact.
  return new Date(guess - londonWallClock(new Date(guess)).offsetMs);
}

export function londonDayBounds(now: Date): { start: Date; end: Date } {
  const { y, m, d } = londonWallClock(now);
  const start = londonMidnight(y, m, d);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return { start, end: londonMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()) };
}
