// Latency and throughput arithmetic for the benchmark (no I/O).

export interface PhaseStats {
  name: string;
  /** Turns (or requests) that completed, successful or not. */
  count: number;
  errors: number;
  wallMs: number;
  perSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rssStartMb?: number;
  rssEndMb?: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarise(name: string, latenciesMs: number[], errors: number, wallMs: number): PhaseStats {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    name,
    count: latenciesMs.length,
    errors,
    wallMs: Math.round(wallMs),
    perSec: wallMs > 0 ? round((latenciesMs.length / wallMs) * 1000) : 0,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
  };
}

/** A fixed-width table for people (stderr). */
export function formatTable(rows: PhaseStats[]): string {
  const header = ['phase', 'turns', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'RSS start MB', 'RSS end MB', 'errors'];
  const cells = rows.map((r) => [
    r.name,
    String(r.count),
    String(r.perSec),
    String(r.p50Ms),
    String(r.p95Ms),
    String(r.p99Ms),
    r.rssStartMb === undefined ? '-' : String(r.rssStartMb),
    r.rssEndMb === undefined ? '-' : String(r.rssEndMb),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** Runs `count` tasks with at most `concurrency` in flight. */
export async function runPool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
