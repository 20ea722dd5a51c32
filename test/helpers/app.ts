// Starts the real product in-process on an ephemeral port against the run's real database.
import { loadConfig } from '../../config';
import { startApp, App } from '../../index';
import { testMongoUri, uniqueDbName } from './db';

export async function startTestApp(env: Record<string, string> = {}, dbName = uniqueDbName('app')): Promise<App> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env, PORT: '0', MONGODB_URI: testMongoUri() });
  return startApp(config, { dbName });
}
