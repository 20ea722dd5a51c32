// The benchmark harness end to end at a tiny size: the product as a child process (dist/, built by
// `npm test`) on the run's real database, real SMS and Direct Line tenants, both baselines.
// No timing assertions here: speed targets are judged by `npm run bench`, not by tests.
import { runBench } from '../../bench/runBench';
import { findProjectRoot } from '../../config';
import { testMongoUri } from '../helpers/db';

const KEYS = [
  'productTurnsPerSec', 'echoTurnsPerSec', 'restifyReqPerSec', 'throughputRatio', 'p50Ms', 'p99Ms', 'echoP99Ms',
  'errors', 'lost', 'rssGrowthMb', 'conversations', 'detectMsgPerSec', 'coldStartMs',
];

test('runs SMS and Direct Line tenants to a case and reports exactly the agreed figures with no errors', async () => {
  const report = await runBench({
    conversations: 3,
    concurrency: 2,
    warmupConversations: 1,
    mongodbUri: testMongoUri(),
    projectRoot: findProjectRoot(),
    appLogLevel: 'warn',
    minRestifyRequests: 50,
    minEchoTurns: 20,
  });
  const line = JSON.stringify(report.result);
  const parsed = JSON.parse(line) as Record<string, unknown>;
  expect(Object.keys(parsed).sort()).toEqual([...KEYS].sort());
  for (const key of KEYS) expect(typeof parsed[key]).toBe('number');
  expect(report.notes.filter((n) => n.startsWith('error')).join('\n')).toBe('');
  expect(parsed.errors).toBe(0);
  expect(parsed.lost).toBe(0);
  expect(parsed.conversations).toBe(3);
  expect(report.notes).toContain('conversations ending in a case: SMS 2, Direct Line 1');
  // Every reference the bot gave is a case the staff API knows.
  expect(report.notes).toContain('cases confirmed through the staff API: 3/3');
}, 240_000);
