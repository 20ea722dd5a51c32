// The outbox poller on the real database: a new message goes out at once without waiting for a
// poll; an idle outbox polls less and less often (its query scans the collection on FerretDB v1);
// a retry this instance schedules still goes out at its time, not at the next idle poll.
import { Outbox, OutboxTransport } from '../../../services/notifications/outbox';
import { createLogger } from '../../../services/logging/logger';
import { openTestDb, TestDb } from '../../helpers/db';
import { waitFor } from '../../helpers/directline';

describe('outbox polling', () => {
  let db: TestDb;
  let outbox: Outbox;
  const delivered: { to: string; at: number }[] = [];
  let failuresLeft = 0;
  const transport: OutboxTransport = {
    channel: 'sms',
    async deliver(item) {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('HTTP 500 from the provider');
      }
      delivered.push({ to: item.to, at: Date.now() });
      return { providerId: `SM${item.id}` };
    },
  };

  beforeAll(async () => {
    db = await openTestDb('outboxpoll');
    outbox = new Outbox(db.models.OutboxMessage, db.models.ChannelClaim, createLogger('silent'), { pollIntervalMs: 50, maxIdlePollMs: 800, baseDelayMs: 300 });
    outbox.register(transport);
  });
  afterAll(async () => {
    await outbox.stop();
    await db.drop();
  });

  it('backs off while idle, sends new messages at once, and retries a failed one at its time', async () => {
    const polls = jest.spyOn(outbox, 'runDue');
    outbox.start();
    await new Promise((r) => setTimeout(r, 2000));
    // A fixed 50 ms interval would have polled ~40 times; doubling to 800 ms polls about 7 times.
    expect(polls.mock.calls.length).toBeLessThanOrEqual(10);
    expect(polls.mock.calls.length).toBeGreaterThanOrEqual(3);

    const queuedAt = Date.now();
    await outbox.enqueue({ channel: 'sms', to: '+447700900601', body: 'Your complaint has been received.' });
    await waitFor(() => delivered.find((d) => d.to === '+447700900601'), 5000, 'first message delivered');
    expect(delivered.find((d) => d.to === '+447700900601')!.at - queuedAt).toBeLessThan(500);

    failuresLeft = 1;
    await outbox.enqueue({ channel: 'sms', to: '+447700900602', body: 'We will call you tomorrow.' });
    const sent = await waitFor(() => delivered.find((d) => d.to === '+447700900602'), 5000, 'retried message delivered');
    const doc = await db.models.OutboxMessage.findOne({ to: '+447700900602' }).lean();
    expect(doc).toMatchObject({ status: 'sent', attempts: 2 });
    expect(delivered.filter((d) => d.to === '+447700900602')).toHaveLength(1);
    expect(sent.at).toBeGreaterThan(0);
  });
});
