// Why the local FerretDB is built with its `_id` index fix (services/database/buildFerretDb.ts):
// times find (of a present and of an absent document), update and delete by `_id` on a collection of
// 1,000 and 10,000 documents of 1.5 kB, and prints SQLite's plan for the find.
//   patched (the server the project builds): npm run build && node dist/bench/idLookupCost.js
//   unpatched, for comparison: (cd tools/ferretdb && go build -o /tmp/ferretdb-unpatched .) &&
//     /tmp/ferretdb-unpatched -listen-addr 127.0.0.1:27999 -sqlite-url file:$(mktemp -d)/ &
//     MONGODB_URI=mongodb://127.0.0.1:27999/ node dist/bench/idLookupCost.js
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalMongo, LocalMongo } from '../services/database/localMongo';
import { connectDatabase } from '../services/database/connection';
import { findProjectRoot } from '../config';

async function main(): Promise<void> {
  let local: LocalMongo | undefined;
  let dataDir: string | undefined;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcost-'));
    local = await startLocalMongo({ projectRoot: findProjectRoot(__dirname), dataDir, say: () => undefined });
    uri = local.uri;
  }
  const connection = await connectDatabase(uri, `idcost_${process.pid}`);
  try {
    const raw = connection.db!.collection<{ _id: string; [k: string]: unknown }>('lookups');
    const json = 'x'.repeat(1500);
    let inserted = 0;
    for (const n of [1000, 10000]) {
      while (inserted < n) {
        const batch = Array.from({ length: 1000 }, (_, i) => ({ _id: `k${inserted + i}`, n: inserted + i, json }));
        await raw.insertMany(batch);
        inserted += batch.length;
      }
      const time = async (label: string, run: (i: number) => Promise<unknown>) => {
        const start = process.hrtime.bigint();
        for (let i = 0; i < 50; i++) await run(i);
        process.stdout.write(`${n} documents: ${label} ${(Number(process.hrtime.bigint() - start) / 50e6).toFixed(1)} ms\n`);
      };
      // Spread over the whole collection: a scan finds an early document fast and a late or absent one slowly.
      const spread = (i: number) => `k${Math.floor(((i + 0.5) * n) / 50)}`;
      await time('find by _id', (i) => raw.findOne({ _id: spread(i) }));
      await time('find by _id, absent', (i) => raw.findOne({ _id: `absent${i}` }));
      await time('update by _id', (i) => raw.updateOne({ _id: spread(i) }, { $set: { n: -1 } }));
      await time('delete by _id', (i) => raw.deleteOne({ _id: spread(i) }));
      // Put the deleted documents back so the next size starts from a full collection.
      await raw.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: spread(i), n: -1, json })));
    }
    const plan = await connection.db!.command({ explain: { find: 'lookups', filter: { _id: 'k1' } } });
    process.stdout.write(`plan of a find by _id: ${JSON.stringify(plan.queryPlanner)}\n`);
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await local?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
