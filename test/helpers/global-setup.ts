// Starts one real MongoDB-wire server for the whole `npm test` run (FerretDB or mongod), unless
// MONGODB_URI points at one already. Test files get their own database names (see db.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalMongo } from '../../services/database/localMongo';
import { findProjectRoot } from '../../config';

export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'complaints-test-db-'));
  const db = await startLocalMongo({ dataDir, projectRoot: findProjectRoot(__dirname) });
  process.env.TEST_MONGODB_URI = db.uri;
  (globalThis as Record<string, unknown>).__LOCAL_DB__ = { db, dataDir };
}
