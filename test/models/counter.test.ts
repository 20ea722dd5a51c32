import { nextSequence } from '../../models/counter';
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
