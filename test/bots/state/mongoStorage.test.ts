// The botbuilder Storage over MongoDB: botbuilder's eTag semantics, on the real database.
import { MongoStorage, StateConflictError } from '../../../bots/state/mongoStorage';
import { createStateStore } from '../../../services/state/stateStore';
import { openTestDb, TestDb } from '../../helpers/db';

let db: TestDb;
let storage: MongoStorage;
beforeAll(async () => {
  db = await openTestDb('storage');
  storage = new MongoStorage(createStateStore(db.models.BotState));
});
afterAll(async () => db.drop());

describe('MongoStorage', () => {
  it('reads back what was written, with an eTag, and nothing for unknown keys', async () => {
    await storage.write({ 'a/1': { count: 1, 'dotted.key': { $odd: true } } });
    const items = await storage.read(['a/1', 'a/missing']);
    expect(items['a/1']).toMatchObject({ count: 1, 'dotted.key': { $odd: true } });
    expect(typeof items['a/1'].eTag).toBe('string');
    expect(items['a/missing']).toBeUndefined();
  });

  it('rejects a write with a stale eTag and keeps the newer state', async () => {
    await storage.write({ 'b/1': { step: 1 } });
    const first = (await storage.read(['b/1']))['b/1'];
    const second = (await storage.read(['b/1']))['b/1'];
    await storage.write({ 'b/1': { ...first, step: 2 } });
    await expect(storage.write({ 'b/1': { ...second, step: 99 } })).rejects.toBeInstanceOf(StateConflictError);
    expect((await storage.read(['b/1']))['b/1']).toMatchObject({ step: 2 });
  });

  it('lets exactly one of two concurrent writers with the same eTag win', async () => {
    await storage.write({ 'c/1': { n: 0 } });
    const base = (await storage.read(['c/1']))['c/1'];
    const results = await Promise.allSettled([storage.write({ 'c/1': { ...base, n: 1 } }), storage.write({ 'c/1': { ...base, n: 2 } })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('treats a missing or "*" eTag as last write wins', async () => {
    await storage.write({ 'd/1': { v: 1 } });
    await storage.write({ 'd/1': { v: 2, eTag: '*' } });
    await storage.write({ 'd/1': { v: 3 } });
    expect((await storage.read(['d/1']))['d/1']).toMatchObject({ v: 3 });
  });

  it('deletes, and a key can be written again after a delete', async () => {
    await storage.write({ 'e/1': { v: 1 } });
    await storage.write({ 'e/1': { v: 2 } });
    await storage.delete(['e/1', 'e/never']);
    expect(await storage.read(['e/1'])).toEqual({});
    await storage.write({ 'e/1': { v: 3, eTag: '0' } });
    expect((await storage.read(['e/1']))['e/1']).toMatchObject({ v: 3 });
  });

  it('refuses a create ("0") when the key already has state', async () => {
    await storage.write({ 'f/1': { v: 1 } });
    await expect(storage.write({ 'f/1': { v: 2, eTag: '0' } })).rejects.toBeInstanceOf(StateConflictError);
  });

  it('keeps only a few revisions per key', async () => {
    for (let i = 0; i < 8; i++) await storage.write({ 'g/1': { i } });
    expect(await db.models.BotState.countDocuments({ key: 'g/1' })).toBeLessThanOrEqual(3);
    expect((await storage.read(['g/1']))['g/1']).toMatchObject({ i: 7 });
  });

  it('treats a very old eTag (its revision pruned) as a conflict', async () => {
    await storage.write({ 'h/1': { i: 0 } });
    const old = (await storage.read(['h/1']))['h/1'];
    for (let i = 1; i < 6; i++) await storage.write({ 'h/1': { i } });
    await expect(storage.write({ 'h/1': { ...old, i: -1 } })).rejects.toBeInstanceOf(StateConflictError);
    expect((await storage.read(['h/1']))['h/1']).toMatchObject({ i: 5 });
  });
});
