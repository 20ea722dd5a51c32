// /readyz readiness against the real database: a slow answer is not an outage, a lost connection is.
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../../services/database/connection';
import { createDatabaseReadiness } from '../../../channels/http/readiness';
import { testMongoUri, uniqueDbName } from '../../helpers/db';

// Driver heartbeats also count as answers; keep them out of the clock-driven test.
const quietUri = () => `${testMongoUri()}${testMongoUri().includes('?') ? '&' : '?'}heartbeatFrequencyMS=600000`;

describe('database readiness', () => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await connectDatabase(quietUri(), uniqueDbName('ready'));
  });
  afterAll(async () => {
    await connection.close().catch(() => undefined);
  });

  it('is ready while the database answers its ping', async () => {
    expect(await createDatabaseReadiness(connection)()).toBe(true);
  });

  it('stays ready while pings are slow if the database answered within the window, then says not ready', async () => {
    let clock = 1_000_000;
    let slow = false;
    const realPing = () => connection.db!.admin().ping();
    const ready = createDatabaseReadiness(connection, {
      now: () => clock,
      // Long enough for a real ping on a loaded CI machine; the "slow" pings never answer, so each waits this long.
      pingTimeoutMs: 1000,
      recentAnswerMs: 20_000,
      ping: () => (slow ? new Promise(() => undefined) : realPing()),
    });
    expect(await ready()).toBe(true);
    slow = true;
    clock += 10_000;
    expect(await ready()).toBe(true);
    clock += 15_000;
    expect(await ready()).toBe(false);
    slow = false;
    expect(await ready()).toBe(true);
  });

  it('is not ready when the ping fails', async () => {
    const ready = createDatabaseReadiness(connection, { ping: () => Promise.reject(new Error('connection reset')) });
    expect(await ready()).toBe(false);
  });

  it('many probes at once share one ping', async () => {
    let pings = 0;
    const ready = createDatabaseReadiness(connection, {
      ping: () => {
        pings += 1;
        return connection.db!.admin().ping();
      },
    });
    const results = await Promise.all(Array.from({ length: 50 }, () => ready()));
    expect(results.every(Boolean)).toBe(true);
    expect(pings).toBe(1);
  });

  it('is not ready once the connection is gone', async () => {
    const own = await connectDatabase(testMongoUri(), uniqueDbName('ready'));
    const ready = createDatabaseReadiness(own);
    expect(await ready()).toBe(true);
    await own.close();
    expect(await ready()).toBe(false);
  });
});
