import { Writable } from 'node:stream';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../../services/database/connection';
import { createModels } from '../../../models';
import { createInboundGuard, createRateLimiter, createReferenceGuard, londonDayBounds, strictestDailyCap, sweepExpiredRateLimits } from '../../../services/ratelimit';
import type { Restriction } from '../../../services/contacts/types';
import { createLogger } from '../../../services/logging/logger';
import { openTestDb, testMongoUri, TestDb } from '../../helpers/db';

describe('MongoDB rate limiter', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb('rl');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('allows `limit` hits in a window, counting down, then refuses with the time left', async () => {
    const limiter = createRateLimiter({ models: db.models, name: 'basic', limit: 3, windowMs: 60_000 });
    const now = new Date('2026-11-23T10:00:10Z');
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.hit('sms:+447700900123', now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(results[3].retryAfterMs).toBe(50_000);
    expect(results.map((r) => r.firstRefusal)).toEqual([false, false, false, true, false]);
  });

  it('starts afresh in the next window', async () => {
    const limiter = createRateLimiter({ models: db.models, name: 'reset', limit: 1, windowMs: 60_000 });
    expect((await limiter.hit('k', new Date('2026-11-23T10:00:00Z'))).allowed).toBe(true);
    expect((await limiter.hit('k', new Date('2026-11-23T10:00:59Z'))).allowed).toBe(false);
    expect((await limiter.hit('k', new Date('2026-11-23T10:01:00Z'))).allowed).toBe(true);
  });

  it('keeps keys and limiters apart', async () => {
    const a = createRateLimiter({ models: db.models, name: 'a', limit: 1, windowMs: 60_000 });
    const b = createRateLimiter({ models: db.models, name: 'b', limit: 1, windowMs: 60_000 });
    const now = new Date('2026-11-23T11:00:00Z');
    expect((await a.hit('x', now)).allowed).toBe(true);
    expect((await a.hit('y', now)).allowed).toBe(true);
    expect((await b.hit('x', now)).allowed).toBe(true);
    expect((await a.hit('x', now)).allowed).toBe(false);
  });

  it('lets exactly `limit` of many concurrent hits through, across two connections (two app instances)', async () => {
    let other: Connection | undefined;
    try {
      other = await connectDatabase(testMongoUri(), db.dbName);
      const models2 = createModels(other);
      const one = createRateLimiter({ models: db.models, name: 'race', limit: 7, windowMs: 60_000 });
      const two = createRateLimiter({ models: models2, name: 'race', limit: 7, windowMs: 60_000 });
      const now = new Date('2026-11-23T12:00:00Z');
      const hits = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? one : two).hit('webchat:user-1', now)));
      expect(hits.filter((h) => h.allowed)).toHaveLength(7);
      expect(hits.filter((h) => h.firstRefusal)).toHaveLength(1);
    } finally {
      await other?.close();
    }
  });

  it('alternating between two instances, each hit is counted once and the limit holds', async () => {
    let other: Connection | undefined;
    try {
      other = await connectDatabase(testMongoUri(), db.dbName);
      const one = createRateLimiter({ models: db.models, name: 'alternate', limit: 5, windowMs: 60_000 });
      const two = createRateLimiter({ models: createModels(other), name: 'alternate', limit: 5, windowMs: 60_000 });
      const now = new Date('2026-11-23T12:30:00Z');
      const hits = [];
      for (let i = 0; i < 8; i++) hits.push(await (i % 2 ? one : two).hit('sms:+447700900777', now));
      expect(hits.map((h) => h.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0, 0]);
      expect(hits.map((h) => h.firstRefusal)).toEqual([false, false, false, false, false, true, false, false]);
    } finally {
      await other?.close();
    }
  });

  it('the sweep job deletes the slots of ended windows only', async () => {
    const limiter = createRateLimiter({ models: db.models, name: 'sweep', limit: 5, windowMs: 60_000 });
    await limiter.hit('old', new Date('2026-11-23T09:00:00Z'));
    await limiter.hit('old', new Date('2026-11-23T09:00:30Z'));
    await limiter.hit('current', new Date('2026-11-23T09:05:10Z'));
    const deleted = await sweepExpiredRateLimits(db.models.RateLimitCounter, new Date('2026-11-23T09:05:20Z'));
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left = await db.models.RateLimitCounter.find({ limiter: 'sweep' }).lean();
    expect(left.map((d) => d.slot)).toEqual([1]);
    expect(left[0].windowStart.toISOString()).toBe('2026-11-23T09:05:00.000Z');
  });

  it('never stores the key itself (phone numbers stay out of the counters)', async () => {
    const limiter = createRateLimiter({ models: db.models, name: 'private', limit: 2, windowMs: 60_000 });
    await limiter.hit('sms:+447700900555');
    const docs = await db.models.RateLimitCounter.find({ limiter: 'private' }).lean();
    expect(docs.length).toBeGreaterThan(0);
    expect(JSON.stringify(docs)).not.toContain('7700900555');
  });

  it('refuses a bad configuration at creation', () => {
    expect(() => createRateLimiter({ models: db.models, name: 'bad', limit: -1, windowMs: 1000 })).toThrow(/limit/);
    expect(() => createRateLimiter({ models: db.models, name: 'bad', limit: 1, windowMs: 0 })).toThrow(/windowMs/);
  });

  it('slows down one sender flooding the inbound guard, without touching another sender', async () => {
    const guard = createInboundGuard({ models: db.models, perSender: { limit: 2, windowMs: 60_000 } });
    const now = new Date('2026-11-23T13:00:00Z');
    const flood = [];
    for (let i = 0; i < 4; i++) flood.push(await guard.check({ channel: 'sms', id: '+447700900111' }, now));
    expect(flood.map((d) => d.allowed)).toEqual([true, true, false, false]);
    expect(flood[2]).toMatchObject({ reason: 'rate_limited', firstRefusal: true });
    expect((await guard.check({ channel: 'sms', id: '+447700900222' }, now)).allowed).toBe(true);
    expect((await guard.check({ channel: 'webchat', id: '+447700900111' }, now)).allowed).toBe(true);
  });

  it('logs reference-lookup refusals as a security event without the sender', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _e, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const guard = createReferenceGuard({ models: db.models, logger: createLogger('info', stream), limit: 2, windowMs: 3_600_000 });
    const now = new Date('2026-11-23T14:00:00Z');
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await guard.allowLookup('sms:+447700900333', now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
    const refusal = lines.find((l) => l.includes('reference_lookup_rate_limited'));
    expect(refusal).toBeDefined();
    expect(refusal).not.toContain('7700900333');
  });
});

describe('contact restrictions', () => {
  const base = { reason: 'unacceptable behaviour policy', decidedBy: 'officer', startsAt: new Date('2026-11-01'), reviewBy: new Date('2027-05-01') };
  it('picks the lowest daily cap among contact_limit restrictions and ignores other kinds', () => {
    const active: Restriction[] = [
      { ...base, id: 'r1', kind: 'single_channel', allowedChannel: 'sms' },
      { ...base, id: 'r2', kind: 'contact_limit', maxMessagesPerDay: 10 },
      { ...base, id: 'r3', kind: 'contact_limit', maxMessagesPerDay: 3 },
      { ...base, id: 'r4', kind: 'contact_limit' },
    ];
    expect(strictestDailyCap(active)?.id).toBe('r3');
    expect(strictestDailyCap([active[0], active[3]])).toBeUndefined();
  });

  it('counts the daily cap from midnight in London, in summer and winter', () => {
    expect(londonDayBounds(new Date('2026-07-01T23:30:00Z'))).toEqual({ start: new Date('2026-07-01T23:00:00Z'), end: new Date('2026-07-02T23:00:00Z') });
    expect(londonDayBounds(new Date('2026-12-01T23:30:00Z'))).toEqual({ start: new Date('2026-12-01T00:00:00Z'), end: new Date('2026-12-02T00:00:00Z') });
    // The day the clocks go forward is 23 hours long.
    const spring = londonDayBounds(new Date('2026-03-29T12:00:00Z'));
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3600 * 1000);
  });
});
