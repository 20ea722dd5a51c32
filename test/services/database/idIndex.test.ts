// The local database server must answer `_id` lookups from its `_id` index, not by scanning the
// collection: every tenant turn reads and writes by `_id`, and a scan made turns slower as the
// data grew (see services/database/buildFerretDb.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestDb, TestDb } from '../../helpers/db';
import { patchIdSelector } from '../../../services/database/buildFerretDb';

describe('the local database server', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb('idindex');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('plans a find by _id as an index search', async () => {
    const raw = db.connection.db!;
    await raw.collection('lookups').insertMany([{ _id: 'a' as never, n: 1 }, { _id: 'b' as never, n: 2 }]);
    const build = await raw.admin().command({ buildInfo: 1 });
    // FerretDB's explain reports a plan for find only (for update and delete it explains an
    // unfiltered read); its updates and deletes select by the same patched expression, timed by
    // bench/idLookupCost.ts.
    const plan = JSON.stringify((await raw.command({ explain: { find: 'lookups', filter: { _id: 'a' } } })).queryPlanner);
    // FerretDB answers buildInfo with `ferretdbVersion` (checked on v1.24.2); mongod does not.
    if (build.ferretdbVersion) {
      // SQLite's own plan.
      expect(plan).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
      expect(plan).not.toMatch(/detail=SCAN/);
    } else {
      expect(plan).not.toMatch(/COLLSCAN/);
    }
    // The patched selector still reads and writes the right documents.
    await raw.collection('lookups').updateOne({ _id: 'a' as never }, { $set: { n: 3 } });
    await raw.collection('lookups').deleteOne({ _id: 'b' as never });
    expect(await raw.collection('lookups').find({}).toArray()).toEqual([{ _id: 'a', n: 3 }]);
  });
});

describe('patchIdSelector', () => {
  let dir: string;
  const file = () => path.join(dir, 'internal', 'backends', 'sqlite', 'metadata', 'metadata.go');
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferret-src-'));
    fs.mkdirSync(path.dirname(file()), { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("selects by the index's own path and is idempotent", () => {
    fs.writeFileSync(file(), `const (\n\tIDColumn = DefaultColumn + "->'$._id'"\n)\n`);
    patchIdSelector(dir);
    patchIdSelector(dir);
    expect(fs.readFileSync(file(), 'utf8')).toBe(`const (\n\tIDColumn = DefaultColumn + "->'_id'"\n)\n`);
  });

  it('refuses a source it was not written for', () => {
    fs.writeFileSync(file(), 'IDColumn = something else\n');
    expect(() => patchIdSelector(dir)).toThrow(/not the FerretDB v1.24.2 source/);
  });
});
