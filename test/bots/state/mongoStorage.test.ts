// The botbuilder Storage over MongoDB: botbuilder's eTag semantics, on the real database.
import { MongoStorage, StateConflictError } from '../../../bots/state/mongoStorage';
import { createStateStore } from '../../../services/state/stateStore';
import { pruneStateRevisions, STATE_PRUNE_MIN_AGE_MS } from '../../../services/state/pruneRevisions';
import { openTestDb, TestDb } from '../../helpers/db';

/** The sweep leaves young revisions alone, so these tests run it as if this much later. */
const LATER_MS = STATE_PRUNE_MIN_AGE_MS + 60_000;
const sweepLater = () => pruneStateRevisions(db.models.BotState, { now: new Date(Date.now() + LATER_MS) });

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

  it('keeps only a few revisions per key once the background sweep has run', async () => {
    for (let i = 0; i < 16; i++) await storage.write({ 'g/1': { i } });
    expect(await db.models.BotState.countDocuments({ key: 'g/1', head: { $ne: true } })).toBe(16);
    await sweepLater();
    expect(await db.models.BotState.countDocuments({ key: 'g/1', head: { $ne: true } })).toBeLessThanOrEqual(3);
    expect((await storage.read(['g/1']))['g/1']).toMatchObject({ i: 15 });
  });

  it('treats a very old eTag (its revision pruned) as a conflict', async () => {
    await storage.write({ 'h/1': { i: 0 } });
    const old = (await storage.read(['h/1']))['h/1'];
    for (let i = 1; i < 20; i++) await storage.write({ 'h/1': { i } });
    await sweepLater();
    await expect(storage.write({ 'h/1': { ...old, i: -1 } })).rejects.toBeInstanceOf(StateConflictError);
    expect((await storage.read(['h/1']))['h/1']).toMatchObject({ i: 19 });
  });
});

describe('StateStore across app instances (each with its own hints)', () => {
  const store = () => createStateStore(db.models.BotState);

  it('an instance reads what another wrote after it, and its stale eTag conflicts', async () => {
    const a = store();
    const b = store();
    await a.write('m/1', { v: 1 });
    const seenByA = await a.read('m/1');
    const seenByB = await b.read('m/1');
    expect(seenByB).toEqual(seenByA);
    await b.write('m/1', { v: 2 }, seenByB?.etag);
    await b.write('m/1', { v: 3 }, '*');
    // a still remembers revision 1: it must find revision 3, and its old eTag must lose.
    expect(await a.read('m/1')).toMatchObject({ value: { v: 3 }, etag: '3' });
    await expect(a.write('m/1', { v: -1 }, seenByA?.etag)).rejects.toBeInstanceOf(StateConflictError);
  });

  it('a fresh instance finds the latest revision from the checkpoints after pruning', async () => {
    const a = store();
    for (let i = 1; i <= 37; i++) await a.write('n/1', { i });
    // Writing never deletes: every revision is still there until the sweep runs.
    expect(await db.models.BotState.findById('n/1#1').lean()).toMatchObject({ rev: 1 });
    expect(await db.models.BotState.findById('n/1#c2').lean()).toMatchObject({ rev: 32, head: true });
    expect(await sweepLater()).toBeGreaterThanOrEqual(29);
    expect(await db.models.BotState.findById('n/1#1').lean()).toBeNull();
    // Below the latest checkpoint (32) minus 2 all go; the checkpoints and the latest revisions stay.
    expect(await db.models.BotState.findById('n/1#29').lean()).toBeNull();
    expect(await db.models.BotState.findById('n/1#30').lean()).toMatchObject({ rev: 30 });
    expect(await db.models.BotState.findById('n/1#c1').lean()).toMatchObject({ rev: 16 });
    expect(await store().read('n/1')).toMatchObject({ value: { i: 37 }, etag: '37' });
  });

  it('finds the latest checkpoint of a long-lived key by doubling and halving, and leaves short keys alone', async () => {
    const a = store();
    for (let i = 1; i <= 16 * 11 + 5; i++) await a.write('long/1', { i });
    await a.write('short/1', { i: 1 });
    await sweepLater();
    expect(await store().read('long/1')).toMatchObject({ value: { i: 181 }, etag: '181' });
    expect(await db.models.BotState.findById('long/1#173').lean()).toBeNull();
    expect(await db.models.BotState.findById('short/1#1').lean()).toMatchObject({ rev: 1 });
    expect(await store().read('short/1')).toMatchObject({ value: { i: 1 } });
  });

  it("reads a key an older version checkpointed with its '#head' document", async () => {
    const at = new Date();
    const docs = [30, 31, 32, 33].map((rev) => ({ _id: `old/1#${rev}`, key: 'old/1', rev, deleted: false, json: JSON.stringify({ rev }), at }));
    await db.models.BotState.insertMany([...docs, { _id: 'old/1#head', key: 'old/1', rev: 32, deleted: false, json: '{}', head: true, at }]);
    expect(await store().read('old/1')).toMatchObject({ value: { rev: 33 }, etag: '33' });
    await expect(store().write('old/1', { stale: true }, '29')).rejects.toBeInstanceOf(StateConflictError);
  });

  it('an instance whose hint was pruned away still finds the latest, and its eTag conflicts', async () => {
    // a's read is as old as the sweep's minimum age when it writes: it must check for pruning.
    let aNow = Date.now();
    const a = createStateStore(db.models.BotState, { clock: () => new Date(aNow) });
    const b = store();
    await a.write('p/1', { i: 0 });
    const old = await a.read('p/1');
    for (let i = 1; i <= 20; i++) await b.write('p/1', { i });
    await sweepLater();
    aNow += LATER_MS;
    await expect(a.write('p/1', { i: -1 }, old?.etag)).rejects.toBeInstanceOf(StateConflictError);
    expect(await a.read('p/1')).toMatchObject({ value: { i: 20 } });
    expect(await db.models.BotState.findById('p/1#2').lean()).toBeNull();
  });

  it('the sweep leaves revisions younger than its minimum age, so an eTag read moments ago still conflicts', async () => {
    const a = store();
    const b = store();
    await a.write('y/1', { i: 0 });
    const old = await a.read('y/1');
    for (let i = 1; i <= 20; i++) await b.write('y/1', { i });
    expect(await pruneStateRevisions(db.models.BotState)).toBe(0);
    expect(await db.models.BotState.findById('y/1#2').lean()).toMatchObject({ rev: 2 });
    // a skips the pruned-revision check for a read this fresh; revision 2 is there, so its insert loses.
    await expect(a.write('y/1', { i: -1 }, old?.etag)).rejects.toBeInstanceOf(StateConflictError);
    expect(await a.read('y/1')).toMatchObject({ value: { i: 20 } });
    expect(await sweepLater()).toBe(13); // revisions 1-13: below checkpoint 16 minus 2
    expect(await db.models.BotState.findById('y/1#2').lean()).toBeNull();
  });

  it('two instances writing at the same eTag: exactly one wins', async () => {
    const a = store();
    const b = store();
    await a.write('q/1', { n: 0 });
    const base = await b.read('q/1');
    const results = await Promise.allSettled([a.write('q/1', { n: 1 }, base?.etag), b.write('q/1', { n: 2 }, base?.etag)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof StateConflictError)).toHaveLength(1);
  });

  it('a create ("0") from an instance that never saw the key conflicts even when revision 1 was pruned', async () => {
    const a = store();
    for (let i = 1; i <= 20; i++) await a.write('s/1', { i });
    await sweepLater();
    expect(await db.models.BotState.findById('s/1#1').lean()).toBeNull();
    await expect(store().write('s/1', { i: -1 }, '0')).rejects.toBeInstanceOf(StateConflictError);
    expect(await db.models.BotState.findById('s/1#1').lean()).toBeNull();
    expect(await store().read('s/1')).toMatchObject({ value: { i: 20 } });
  });

  it('after the key is erased from the database, every instance starts it afresh', async () => {
    const a = store();
    for (let i = 1; i <= 9; i++) await a.write('r/1', { i });
    await db.models.BotState.deleteMany({ key: 'r/1' });
    expect(await a.read('r/1')).toBeNull();
    await a.write('r/1', { again: true }, '0');
    expect(await store().read('r/1')).toMatchObject({ value: { again: true }, etag: '1' });
  });
});
