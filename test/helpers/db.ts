// A fresh database on the run's real server for one test file; dropped afterwards.
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../services/database/connection';
import { createModels, Models } from '../../models';

export function testMongoUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run tests through `npm test` (jest global setup starts the database)');
  return uri;
}

export function uniqueDbName(prefix = 't'): string {
  return `${prefix}_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
}

export interface TestDb {
  connection: Connection;
  models: Models;
  dbName: string;
  drop(): Promise<void>;
}

export async function openTestDb(prefix?: string): Promise<TestDb> {
  const dbName = uniqueDbName(prefix);
  const connection = await connectDatabase(testMongoUri(), dbName);
  const models = createModels(connection);
  await Promise.all(Object.values(models).map((m) => m.init()));
  return {
    connection,
    models,
    dbName,
    async drop() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}
