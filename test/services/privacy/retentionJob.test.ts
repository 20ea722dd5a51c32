import type { Db } from 'mongodb';
import { startTestApp } from '../../helpers/app';
import type { App } from '../../../index';
import { RETENTION_JOB } from '../../../services/privacy';

describe('transcript retention job', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ TRANSCRIPT_RETENTION_DAYS: '30' });
  });
  afterAll(async () => {
    await app.connection.dropDatabase().catch(() => undefined);
    await app.stop();
  });

  it('is scheduled by the app and deletes webchat transcripts idle for longer than TRANSCRIPT_RETENTION_DAYS', async () => {
    const db = app.connection.db as Db;
    const now = new Date();
    const idle = new Date(now.getTime() - 31 * 86400_000);
    const recent = new Date(now.getTime() - 29 * 86400_000);
    await db.collection('directline_conversations').insertMany([
      { _id: 'conv_idle' as never, userId: 'u1', lastSeq: 1, createdAt: idle, lastActivityAt: idle },
      { _id: 'conv_recent' as never, userId: 'u2', lastSeq: 1, createdAt: recent, lastActivityAt: recent },
    ]);
    await db.collection('directline_activities').insertMany([
      { conversationId: 'conv_idle', seq: 1, dedupeKey: 'i1', activityJson: '{}', type: 'message', createdAt: idle },
      { conversationId: 'conv_recent', seq: 1, dedupeKey: 'r1', activityJson: '{}', type: 'message', createdAt: recent },
    ]);
    // The first run happened at start-up; the next is a day later.
    await app.services.scheduler.runDue(new Date(now.getTime() + 86400_000 + 1000));
    expect(await db.collection('directline_conversations').distinct('_id')).toEqual(['conv_recent']);
    expect(await db.collection('directline_activities').distinct('conversationId')).toEqual(['conv_recent']);
    const job = await db.collection('jobs').findOne({ name: RETENTION_JOB });
    expect(job?.repeatEveryMs).toBe(86400_000);
  });
});
