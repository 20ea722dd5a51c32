// One mongoose connection per app instance (no global default connection), so tests and
// tools can hold several side by side.
import mongoose, { Connection } from 'mongoose';

export const DEFAULT_DB_NAME = 'complaints';

export async function connectDatabase(uri: string, dbName?: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName: dbName ?? (dbNameFromUri(uri) || DEFAULT_DB_NAME),
    serverSelectionTimeoutMS: 5000,
    // Keep commands from piling up forever while the server is down: fail fast, callers retry.
    bufferCommands: false,
    maxPoolSize: 20,
  });
  await connection.asPromise();
  return connection;
}

function dbNameFromUri(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** True when the server answers a ping within the time limit. */
export async function databaseAnswers(connection: Connection, timeoutMs = 1500): Promise<boolean> {
  const db = connection.db;
  if (!db || connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const ping = db.admin().ping().then(() => true);
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    return await Promise.race([ping, timeout]);
  } catch {
    return false;
  } finally {
    if (timer) clearTimeout(timer);
  }
}
