// Why state checkpoints are inserts: on a local FerretDB, times the old checkpoint (upsert of the
// head document + deleteMany by key) against the insert that replaced it, on a bot_state of 1,000,
// 5,000 and 10,000 documents. Run: npm run build && node dist/bench/stateCheckpointCost.js
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalMongo } from '../services/database/localMongo';
import { connectDatabase } from '../services/database/connection';
import { findProjectRoot } from '../config';

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ckpt-'));
  const db = await startLocalMongo({ projectRoot: findProjectRoot(__dirname), dataDir, say: () => undefined });
  const connection = await connectDatabase(db.uri, 'ckpt');
  try {
    const raw = connection.db!.collection<{ _id: string; [k: string]: unknown }>('bot_state');
    for (const n of [1000, 5000, 10000]) {
      await raw.deleteMany({});
      const at = new Date();
      const json = JSON.stringify({ dialogState: 'x'.repeat(1500) });
      const docs = Array.from({ length: n }, (_, i) => ({ _id: `k${i % 500}#${i}`, key: `k${i % 500}`, rev: i, deleted: false, json, at }));
      for (let i = 0; i < docs.length; i += 1000) await raw.insertMany(docs.slice(i, i + 1000));
      const time = async (label: string, run: (i: number) => Promise<unknown>) => {
        const start = process.hrtime.bigint();
        for (let i = 0; i < 5; i++) await run(i);
        process.stdout.write(`${n} documents: ${label} ${(Number(process.hrtime.bigint() - start) / 5e6).toFixed(1)} ms\n`);
      };
      await time('old checkpoint (upsert head + deleteMany)', async (i) => {
        await raw.updateOne({ _id: 'k1#head' }, { $max: { rev: 100 + i }, $set: { at: new Date() }, $setOnInsert: { key: 'k1', deleted: false, json: '{}', head: true } }, { upsert: true });
        await raw.deleteMany({ key: 'k1', rev: { $lt: 50 } });
      });
      await time('new checkpoint (insert)', (i) => raw.insertOne({ _id: `k2#c${n}-${i}`, key: 'k2', rev: 16, deleted: false, json: '{}', head: true, at: new Date() }));
    }
  } finally {
    await connection.close();
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
