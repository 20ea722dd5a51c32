import fs from 'node:fs';
import type { LocalMongo } from '../../services/database/localMongo';

export default async function globalTeardown(): Promise<void> {
  const local = (globalThis as Record<string, unknown>).__LOCAL_DB__ as { db: LocalMongo; dataDir: string } | undefined;
  if (!local) return;
  await local.db.stop();
  fs.rmSync(local.dataDir, { recursive: true, force: true });
}
