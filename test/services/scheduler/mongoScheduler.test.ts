import { createLogger } from '../../../services/logging/logger';
import { createMongoScheduler, MongoSchedulerOptions } from '../../../services/scheduler/mongoScheduler';
import type { JobData } from '../../../services/scheduler/types';
import { openTestDb, TestDb } from '../../helpers/db';

let db: TestDb;
const logLines: string[] = [];
const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });

beforeAll(async () => {
  db = await openTestDb('sched');
});
afterAll(async () => db.drop());
beforeEach(async () => {
  await db.models.Job.deleteMany({});
  await db.models.JobClaim.deleteMany({});
  await db.models.JobHistory.deleteMany({});
  logLines.length = 0;
});

function scheduler(extra: Partial<MongoSchedulerOptions> = {}) {
  return createMongoScheduler({ models: db.models, logger, pollIntervalMs: 50, ...extra });
}

const T0 = new Date('2026-11-23T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

test('runs a due job once with its data, and not before it is due', async () => {
  const s = scheduler();
  const seen: JobData[] = [];
  s.define('remind', async (data) => void seen.push(data));
  await s.schedule('remind', later(60_000), { caseId: 'C-1' });

  expect(await s.runDue(later(59_000))).toBe(0);
  expect(await s.runDue(later(60_000))).toBe(1);
  expect(await s.runDue(later(120_000))).toBe(0);
  expect(seen).toEqual([{ caseId: 'C-1' }]);
  // Finished one-off jobs leave the polled collection and are kept in the history.
  expect(await db.models.Job.countDocuments({ name: 'remind' })).toBe(0);
  expect((await db.models.JobHistory.findOne({ name: 'remind' }).lean())?.status).toBe('done');
});

test('two instances racing over 100 due jobs run each exactly once', async () => {
  const runs = new Map<string, number>();
  const a = scheduler({ instanceId: 'a', batchSize: 200 });
  const b = scheduler({ instanceId: 'b', batchSize: 200 });
  const handler = async (data: JobData) => {
    const id = String(data.n);
    runs.set(id, (runs.get(id) ?? 0) + 1);
  };
  a.define('race', handler);
  b.define('race', handler);
  for (let i = 0; i < 100; i += 1) await a.schedule('race', T0, { n: i });

  const [ranA, ranB] = await Promise.all([a.runDue(later(1)), b.runDue(later(1))]);
  // Anything a lost race left behind is picked up by the next polls.
  const again = (await a.runDue(later(2))) + (await b.runDue(later(2)));
  expect(ranA + ranB + again).toBe(100);
  expect(runs.size).toBe(100);
  expect([...runs.values()].every((count) => count === 1)).toBe(true);
  expect(await db.models.JobHistory.countDocuments({ name: 'race', status: 'done' })).toBe(100);
  expect(await db.models.Job.countDocuments({ name: 'race' })).toBe(0);
});

test('scheduling the same unique key keeps one job and the later time wins until it has run', async () => {
  const s = scheduler();
  let count = 0;
  s.define('survey', async () => void (count += 1));
  await s.schedule('survey', later(1000), { v: 1 }, { uniqueKey: 'survey:C-9' });
  await s.schedule('survey', later(5000), { v: 2 }, { uniqueKey: 'survey:C-9' });
  expect(await db.models.Job.countDocuments({ uniqueKey: 'survey:C-9' })).toBe(1);

  expect(await s.runDue(later(2000))).toBe(0);
  expect(await s.runDue(later(5000))).toBe(1);
  // Already ran: scheduling the key again does not run it a second time.
  await s.schedule('survey', later(6000), { v: 3 }, { uniqueKey: 'survey:C-9' });
  expect(await s.runDue(later(10_000))).toBe(0);
  expect(count).toBe(1);
});

test('cancel removes a job by its unique key', async () => {
  const s = scheduler();
  let count = 0;
  s.define('follow-up', async () => void (count += 1));
  await s.schedule('follow-up', T0, {}, { uniqueKey: 'fu:1' });
  await s.cancel('fu:1');
  expect(await s.runDue(later(1000))).toBe(0);
  expect(count).toBe(0);
});

test('retries a failing job with growing back-off, then marks it failed and logs it', async () => {
  const s = scheduler({ maxAttempts: 3, retryBaseMs: 1000 });
  const attempts: number[] = [];
  s.define('flaky', async (_data, job) => {
    attempts.push(job.attempts);
    throw new Error('upstream down');
  });
  await s.schedule('flaky', T0);

  expect(await s.runDue(later(0))).toBe(1);
  let job = await db.models.Job.findOne({ name: 'flaky' }).lean();
  expect(job?.runAt.getTime()).toBe(later(1000).getTime());
  expect(job?.lastError).toBe('upstream down');
  expect(await s.runDue(later(999))).toBe(0); // still backing off
  expect(await s.runDue(later(1000))).toBe(1);
  job = await db.models.Job.findOne({ name: 'flaky' }).lean();
  expect(job?.runAt.getTime()).toBe(later(1000 + 2000).getTime());
  expect(await s.runDue(later(3000))).toBe(1);

  expect(attempts).toEqual([1, 2, 3]);
  const history = await db.models.JobHistory.findOne({ name: 'flaky' }).lean();
  expect(history?.status).toBe('failed');
  expect(history?.lastError).toBe('upstream down');
  expect(history?.attempts).toBe(3);
  expect(await s.runDue(later(60_000))).toBe(0);
  expect(logLines.some((l) => l.includes('out of attempts') && l.includes('"job":"flaky"'))).toBe(true);
});

test('a job that fails once succeeds on its retry', async () => {
  const s = scheduler({ retryBaseMs: 10 });
  let calls = 0;
  s.define('once-flaky', async () => {
    calls += 1;
    if (calls === 1) throw new Error('first time fails');
  });
  await s.schedule('once-flaky', T0);
  await s.runDue(later(0));
  await s.runDue(later(10));
  expect(calls).toBe(2);
  expect((await db.models.JobHistory.findOne({ name: 'once-flaky' }).lean())?.status).toBe('done');
});

test('a repeating job runs once per interval', async () => {
  const s = scheduler();
  const times: number[] = [];
  s.define('scan', async (_data, job) => void times.push(job.runAt.getTime()));
  await s.schedule('scan', T0, {}, { uniqueKey: 'scan', repeatEveryMs: 60_000 });

  expect(await s.runDue(later(0))).toBe(1);
  expect(await s.runDue(later(30_000))).toBe(0);
  expect(await s.runDue(later(60_000))).toBe(1);
  expect(await s.runDue(later(60_001))).toBe(0);
  expect(times).toEqual([T0.getTime(), later(60_000).getTime()]);
  const job = await db.models.Job.findOne({ uniqueKey: 'scan' }).lean();
  expect(job?.status).toBe('pending');
  expect(job?.runAt.getTime()).toBe(later(120_000).getTime());
});

test('an attempt claimed by an instance that died is retried by another after its lease', async () => {
  const dead = scheduler({ instanceId: 'dead', leaseMs: 1000 });
  const alive = scheduler({ instanceId: 'alive', leaseMs: 1000 });
  let ranBy = '';
  dead.define('work', () => new Promise<void>(() => undefined)); // never finishes: the process "died"
  alive.define('work', async () => void (ranBy = 'alive'));
  await dead.schedule('work', T0);
  void dead.runDue(later(0));
  await new Promise((r) => setTimeout(r, 300));

  expect(await alive.runDue(later(500))).toBe(0); // lease still held
  expect(await alive.runDue(later(1500))).toBe(1);
  expect(ranBy).toBe('alive');
  expect((await db.models.JobHistory.findOne({ name: 'work' }).lean())?.status).toBe('done');
});

test('the poller runs due jobs by itself and stop() waits for the running job', async () => {
  const s = scheduler({ pollIntervalMs: 20 });
  let finished = false;
  let started!: () => void;
  const startedP = new Promise<void>((r) => (started = r));
  s.define('slow', async () => {
    started();
    await new Promise((r) => setTimeout(r, 300));
    finished = true;
  });
  await s.schedule('slow', new Date(Date.now() - 1000));
  s.start();
  s.start(); // second start is a no-op
  await startedP;
  await s.stop();
  expect(finished).toBe(true);
  expect((await db.models.JobHistory.findOne({ name: 'slow' }).lean())?.status).toBe('done');

  // Stopped: nothing more is polled.
  await s.schedule('slow', new Date(Date.now() - 1000), {}, { uniqueKey: 'after-stop' });
  await new Promise((r) => setTimeout(r, 150));
  expect((await db.models.Job.findOne({ uniqueKey: 'after-stop' }).lean())?.status).toBe('pending');
});

test('refuses an invalid run time with a clear message', async () => {
  const s = scheduler();
  await expect(s.schedule('x', new Date('nope'))).rejects.toThrow('runAt is not a valid date');
});
