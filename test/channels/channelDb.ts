// A fresh database for channel tests with only the channels' own models initialised, so these
// tests do not depend on (or wait for) other features' indexes.
import { connectDatabase } from '../../services/database/connection';
import { createModels } from '../../models';
import { testMongoUri, uniqueDbName, TestDb } from '../helpers/db';

const CHANNEL_MODELS = [
  'DirectlineConversation', 'DirectlineActivity', 'DirectlineAttachment', 'DirectlineSetting', 'DirectlineClientActivity', 'DirectlinePending',
  'SmsInbound', 'SmsInflight', 'SmsOptOut', 'OutboxMessage', 'ChannelClaim', 'RateLimitCounter',
] as const;

export async function openChannelDb(prefix: string): Promise<TestDb> {
  const dbName = uniqueDbName(prefix);
  const connection = await connectDatabase(testMongoUri(), dbName);
  const models = createModels(connection);
  await Promise.all(CHANNEL_MODELS.map((name) => models[name].init()));
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
