// `npm run bench`: the product under simulated tenants next to two baselines (see bench/runBench.ts).
// stderr: progress and the table, for people. stdout: one JSON object, the last line.
//   BENCH_CONVERSATIONS (default 100, a few minutes here; the 10,000 target: BENCH_CONVERSATIONS=10000 npm run bench)
//   BENCH_CONCURRENCY (default 50) · BENCH_TRACE=1 prints one conversation per channel · MONGODB_URI (else a local FerretDB/mongod in a temp dir)
import { findProjectRoot } from '../config';
import { formatTable } from '../bench/stats';
import { abortBench, runBench } from '../bench/runBench';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`${name} must be a whole number ≥ 1 (got "${raw}")\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`${signal}: stopping the product, baselines and database started by the benchmark\n`);
      void abortBench().finally(() => process.exit(130));
    });
  }
  const conversations = positiveInt('BENCH_CONVERSATIONS', 100);
  const concurrency = positiveInt('BENCH_CONCURRENCY', 50);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const report = await runBench({
    conversations,
    concurrency,
    mongodbUri: process.env.MONGODB_URI?.trim() || undefined,
    projectRoot: findProjectRoot(),
    appLogLevel: process.env.BENCH_LOG_LEVEL?.trim() || undefined,
    say,
    trace: process.env.BENCH_TRACE === '1' ? say : undefined,
  });
  const r = report.result;
  say('');
  say(formatTable(report.phases));
  say('');
  say(`cold start to /readyz 200: ${r.coldStartMs} ms · detection: ${r.detectMsgPerSec} messages/s · RSS growth: ${r.rssGrowthMb} MB over ${r.conversations} conversations`);
  say(`throughput ratio (product ÷ echo): ${r.throughputRatio} · errors ${r.errors} · lost ${r.lost}`);
  for (const note of report.notes) say(note);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
