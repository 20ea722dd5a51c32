// A reply split into several SMS must reach the tenant in order. Each part is queued to wait for
// the one before it; sent at once in parallel, a quick part 2 used to overtake a slow part 1
// (seen as a flaky multilingual SMS test: the Urdu interpreter notice arrived cut in two, reversed).
import { Outbox, OutboxTransport, PermanentDeliveryError } from '../../../services/notifications/outbox';
import { createLogger } from '../../../services/logging/logger';
import { openTestDb, TestDb } from '../../helpers/db';
import { waitFor } from '../../helpers/directline';
import { SmsSender } from '../../../channels/sms/smsSender';
import { SmsOptOuts } from '../../../channels/sms/optOuts';

describe('outbox: the parts of one reply', () => {
  let db: TestDb;
  let outbox: Outbox;
  const delivered: string[] = [];
  /** Body → what its next delivery attempt does. */
  const behaviour = new Map<string, 'slow' | 'fail_once' | 'fail_for_good'>();
  const transport: OutboxTransport = {
    channel: 'sms',
    async deliver(item) {
      const plan = behaviour.get(item.body);
      if (plan === 'slow') await new Promise((r) => setTimeout(r, 400));
      if (plan === 'fail_once') {
        behaviour.delete(item.body);
        throw new Error('HTTP 500 from the provider');
      }
      if (plan === 'fail_for_good') throw new PermanentDeliveryError('21211 invalid number');
      delivered.push(item.body);
      return { providerId: `SM${item.id}` };
    },
  };

  async function queueReply(to: string, parts: string[]): Promise<void> {
    let previous: string | undefined;
    for (const [i, body] of parts.entries()) {
      previous = (await outbox.enqueue({ channel: 'sms', to, body, dedupeKey: `${to}:reply:${i}`, after: previous })).id;
    }
  }

  beforeAll(async () => {
    db = await openTestDb('outboxorder');
    outbox = new Outbox(db.models.OutboxMessage, db.models.ChannelClaim, createLogger('silent'), { pollIntervalMs: 50, maxIdlePollMs: 200, baseDelayMs: 300 });
    outbox.register(transport);
    outbox.start();
  });
  afterAll(async () => {
    await outbox.stop();
    await db.drop();
  });

  it('are delivered in order even when the first is slow', async () => {
    behaviour.set('A1 slow first part', 'slow');
    await queueReply('+447700900701', ['A1 slow first part', 'A2 quick second part', 'A3 quick third part']);
    await waitFor(() => delivered.includes('A3 quick third part') || undefined, 10000, 'all three parts');
    expect(delivered.filter((b) => b.startsWith('A'))).toEqual(['A1 slow first part', 'A2 quick second part', 'A3 quick third part']);
  });

  it('wait while the part before them is retried', async () => {
    behaviour.set('B1 first part, provider error once', 'fail_once');
    await queueReply('+447700900702', ['B1 first part, provider error once', 'B2 second part']);
    await waitFor(() => delivered.includes('B2 second part') || undefined, 10000, 'both parts');
    expect(delivered.filter((b) => b.startsWith('B'))).toEqual(['B1 first part, provider error once', 'B2 second part']);
    const first = await db.models.OutboxMessage.findOne({ dedupeKey: '+447700900702:reply:0' }).lean();
    expect(first).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('still go out when the part before them fails for good', async () => {
    behaviour.set('C1 undeliverable', 'fail_for_good');
    await queueReply('+447700900703', ['C1 undeliverable', 'C2 second part', 'C3 third part']);
    await waitFor(() => delivered.includes('C3 third part') || undefined, 10000, 'the later parts');
    expect(delivered.filter((b) => b.startsWith('C'))).toEqual(['C2 second part', 'C3 third part']);
    const first = await db.models.OutboxMessage.findOne({ dedupeKey: '+447700900703:reply:0' }).lean();
    expect(first).toMatchObject({ status: 'failed' });
  });

  it('of two texts sent together to one tenant are not interleaved', async () => {
    const logger = createLogger('silent');
    const sender = new SmsSender(outbox, new SmsOptOuts(db.models.SmsOptOut, logger), logger);
    const words = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');
    // Two texts of two SMS each (an SMS here holds up to three segments, 459 GSM characters), queued together.
    const first = words('d', 150);
    const second = words('e', 150);
    await Promise.all([sender.sendText('+447700900704', first), sender.sendText('+447700900704', second)]);
    const sent = await waitFor(async () => {
      const docs = await db.models.OutboxMessage.find({ to: '+447700900704' }).lean();
      return docs.length >= 4 && docs.every((d) => d.status === 'sent') ? docs : undefined;
    }, 10000, 'four parts sent');
    expect(sent).toHaveLength(4);
    const order = delivered.filter((b) => b.startsWith('d') || b.startsWith('e')).map((b) => b[0]);
    expect(order).toEqual(['d', 'd', 'e', 'e']);
  });

  it('are sent once, and the next still goes, when looking up the next part fails after a send', async () => {
    // The read that finds the waiting part fails once (a database blip): the part already sent
    // must stay sent (not be sent again), and the poller must still send the next one.
    const findById = db.models.OutboxMessage.findById.bind(db.models.OutboxMessage);
    const spy = jest.spyOn(db.models.OutboxMessage, 'findById').mockImplementation(((id: string, projection?: unknown) => {
      if (projection && typeof projection === 'object' && 'nextId' in projection) {
        spy.mockRestore();
        throw new Error('connection reset');
      }
      return findById(id, projection as never);
    }) as never);
    await queueReply('+447700900705', ['F1 first part', 'F2 second part']);
    await waitFor(() => delivered.includes('F2 second part') || undefined, 10000, 'the second part');
    expect(delivered.filter((b) => b.startsWith('F'))).toEqual(['F1 first part', 'F2 second part']);
    const first = await db.models.OutboxMessage.findOne({ dedupeKey: '+447700900705:reply:0' }).lean();
    expect(first).toMatchObject({ status: 'sent', attempts: 1 });
    spy.mockRestore();
  });
});
