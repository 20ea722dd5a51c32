import { findClaim, highestClaimed, nextSequence } from '../../models/counter';
import { openTestDb, TestDb } from '../helpers/db';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb('counter');
});
afterAll(async () => db.drop());

test('hands out consecutive numbers per sequence name', async () => {
  expect(await nextSequence(db.models.Counter, 'a')).toBe(1);
  expect(await nextSequence(db.models.Counter, 'a')).toBe(2);
  expect(await nextSequence(db.models.Counter, 'b')).toBe(1);
});

test('never hands out the same number twice under 100 concurrent callers', async () => {
  const numbers = await Promise.all(Array.from({ length: 100 }, () => nextSequence(db.models.Counter, 'crowd')));
  expect(new Set(numbers).size).toBe(100);
  expect(Math.max(...numbers)).toBe(100);
});

test('two connections (as two app instances) racing never share a number', async () => {
  const { connectDatabase } = await import('../../services/database/connection');
  const { createModels } = await import('../../models');
  const other = await connectDatabase(process.env.TEST_MONGODB_URI as string, db.dbName);
  try {
    const otherModels = createModels(other);
    const calls = Array.from({ length: 60 }, (_, i) => nextSequence(i % 2 ? db.models.Counter : otherModels.Counter, 'two'));
    const numbers = await Promise.all(calls);
    expect(new Set(numbers).size).toBe(60);
  } finally {
    await other.close();
  }
});

test('a new instance (no memory of the sequence) continues after the highest number, and each claim names its holder', async () => {
  for (let i = 0; i < 37; i++) await nextSequence(db.models.Counter, 'fresh', `case-${i + 1}`);
  const { connectDatabase } = await import('../../services/database/connection');
  const { createModels } = await import('../../models');
  const other = await connectDatabase(process.env.TEST_MONGODB_URI as string, db.dbName);
  try {
    const otherModels = createModels(other);
    expect(await highestClaimed(otherModels.Counter, 'fresh')).toBe(37);
    expect(await nextSequence(otherModels.Counter, 'fresh', 'case-38')).toBe(38);
    // The first instance remembers 37: its next claim collides once and moves on.
    expect(await nextSequence(db.models.Counter, 'fresh', 'case-39')).toBe(39);
    expect((await findClaim(db.models.Counter, 'fresh', 38))?.ref).toBe('case-38');
    expect(await findClaim(db.models.Counter, 'fresh', 40)).toBeNull();
    expect(await highestClaimed(otherModels.Counter, 'never-used')).toBe(0);
  } finally {
    await other.close();
  }
});
