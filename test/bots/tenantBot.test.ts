// The bot around the dialogs: state in MongoDB across a restart, eTag conflicts between turns,
// and identities per channel.
import { Storage, StoreItems, TestAdapter } from 'botbuilder';
import { createTenantBot, identityOf } from '../../bots/tenantBot';
import { Harness, joined, startHarness } from './tenantHarness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ pack: 'hoc-2024', now: new Date('2026-03-02T10:00:00Z') });
});
afterAll(async () => h.close());

/** Another instance writing the same conversation between this turn's read and its save. */
class InterferingStorage implements Storage {
  interferences = 0;
  constructor(
    private readonly inner: Storage,
    private readonly times: number,
  ) {}
  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const key of keys) {
      if (key.includes('/conversations/') && items[key] && this.interferences < this.times) {
        this.interferences++;
        await this.inner.write({ [key]: { ...items[key], eTag: '*' } });
      }
    }
    return items;
  }
  write(changes: StoreItems): Promise<void> {
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

describe('tenant bot', () => {
  it('continues a dialog after a restart between two turns (a new bot on the same database)', async () => {
    const chat = h.chat('sms', '+447700900801');
    await chat.sayAll(['The repair still has not been done and nobody rang me back', 'yes', 'no']);
    h.restart();
    expect(joined(await chat.say('Fix it please'))).toMatch(/When did this happen/);
    h.restart();
    expect(joined(await chat.say('Last week'))).toMatch(/Where is the problem/);
  });

  it('runs a turn again on fresh state when another turn saved first, replying once', async () => {
    const chat = h.chat('sms', '+447700900802');
    await chat.say('The repair still has not been done and nobody rang me back');
    const storage = new InterferingStorage(h.deps.storage, 1);
    const bot = createTenantBot({ ...h.deps, storage });
    const adapter = new TestAdapter(async (context) => bot.run(context), {
      channelId: 'sms',
      conversation: { id: 'sms:+447700900802', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: '+447700900802', name: '' },
      recipient: { id: 'bot', name: 'bot' },
    });
    await adapter.receiveActivity({ type: 'message', text: 'yes' });
    expect(storage.interferences).toBe(1);
    const replies = adapter.activeQueue.splice(0).map((a) => a.text);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/has legal action started/);
    // The conversation carries on from the saved step.
    expect(joined(await chat.say('no'))).toMatch(/What would you like us to do/);
  });

  it('tells the tenant kindly to send again when the state keeps changing under the turn', async () => {
    const chat = h.chat('sms', '+447700900803');
    await chat.say('The repair still has not been done and nobody rang me back');
    const storage = new InterferingStorage(h.deps.storage, 5);
    const bot = createTenantBot({ ...h.deps, storage });
    const adapter = new TestAdapter(async (context) => bot.run(context), {
      channelId: 'sms',
      conversation: { id: 'sms:+447700900803', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: '+447700900803', name: '' },
      recipient: { id: 'bot', name: 'bot' },
    });
    await adapter.receiveActivity({ type: 'message', text: 'yes' });
    expect(adapter.activeQueue.splice(0).map((a) => a.text)).toEqual([expect.stringMatching(/Please send it again/)]);
    // Nothing was lost: the dialog is still waiting at the same question.
    expect(joined(await chat.say('yes'))).toMatch(/has legal action started/);
  });

  it('identifies tenants by phone on SMS, Direct Line user id on webchat and AAD object id on Teams', async () => {
    expect(identityOf({ channelId: 'sms', from: { id: '+447700900804', name: '' } })).toEqual({ channel: 'sms', id: '+447700900804' });
    expect(identityOf({ channelId: 'directline', from: { id: 'dl_abc', name: '' } })).toEqual({ channel: 'webchat', id: 'dl_abc' });
    expect(identityOf({ channelId: 'webchat', from: { id: 'dl_abc', name: '' } })).toEqual({ channel: 'webchat', id: 'dl_abc' });
    expect(identityOf({ channelId: 'msteams', from: { id: '29:xyz', name: '', aadObjectId: 'aad-1' } })).toEqual({ channel: 'teams', id: 'aad-1' });
    const adapter = new TestAdapter(async (context) => h.bot.run(context), {
      channelId: 'msteams',
      conversation: { id: 'teams-conv-1', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: '29:xyz', name: '', aadObjectId: 'aad-805' },
      recipient: { id: 'bot', name: 'bot' },
    });
    await adapter.receiveActivity({ type: 'message', text: 'The plumber was lovely, thank you so much for the quick repair' });
    const contact = await h.deps.contacts.findByIdentity({ channel: 'teams', id: 'aad-805' });
    expect(contact).not.toBeNull();
    expect((await h.deps.cases.listForContact(contact!.id))[0]).toMatchObject({ channel: 'teams', feedbackKind: 'compliment' });
  });

  it('records the SMS number as the phone on record for one-time codes', async () => {
    await h.chat('sms', '+447700900806').say('hello');
    expect((await h.deps.contacts.findByIdentity({ channel: 'sms', id: '+447700900806' }))?.phone).toBe('+447700900806');
  });

  it('greets a tenant joining Web Chat', async () => {
    const adapter = new TestAdapter(async (context) => h.bot.run(context), {
      channelId: 'directline',
      conversation: { id: 'dl-conv-join', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'dl-join', name: '' },
      recipient: { id: 'bot', name: 'bot' },
    });
    await adapter.receiveActivity({ type: 'conversationUpdate', membersAdded: [{ id: 'dl-join', name: '' }], recipient: { id: 'bot', name: 'bot' } });
    expect(adapter.activeQueue.splice(0).map((a) => a.text)).toEqual([expect.stringMatching(/complaints helper/)]);
    // Greeted once: a join seen again (another instance, a retry) says nothing, and "hello" gets the short menu.
    await adapter.receiveActivity({ type: 'conversationUpdate', membersAdded: [{ id: 'dl-join', name: '' }], recipient: { id: 'bot', name: 'bot' } });
    expect(adapter.activeQueue.splice(0)).toEqual([]);
    await adapter.receiveActivity({ type: 'message', text: 'hello' });
    expect(adapter.activeQueue.splice(0).map((a) => a.text)).toEqual([expect.stringMatching(/^I can help with complaints/)]);
  });

  it('greets in the browser language when there is a catalog for it', async () => {
    const adapter = new TestAdapter(async (context) => h.bot.run(context), {
      channelId: 'directline',
      conversation: { id: 'dl-conv-join-pl', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'dl-join-pl', name: '' },
      recipient: { id: 'bot', name: 'bot' },
    });
    await adapter.receiveActivity({ type: 'conversationUpdate', locale: 'pl-PL', membersAdded: [{ id: 'dl-join-pl', name: '' }], recipient: { id: 'bot', name: 'bot' } });
    expect(adapter.activeQueue.map((a) => a.text)).toEqual([expect.stringMatching(/^Dzień dobry, jestem asystentem skarg/)]);
  });
});

describe('duplicates', () => {
  it('opens one case when two "yes" messages reach the read-back at the same moment', async () => {
    const phone = '+447700900820';
    const chat = h.chat('sms', phone);
    await chat.sayAll(['The repair still has not been done and nobody rang me back', 'yes', 'no', 'Fix it', 'Monday', 'Flat 1', 'text', 'no', 'no']);
    expect(joined(await chat.say('skip'))).toMatch(/Shall I send this as your complaint/);
    const [a, b] = await Promise.all([chat.say('yes'), chat.say('yes')]);
    const contact = await h.deps.contacts.findByIdentity({ channel: 'sms', id: phone });
    const cases = await h.deps.cases.listForContact(contact!.id);
    expect(cases).toHaveLength(1);
    expect(joined([...a, ...b])).toMatch(`Reference ${cases[0].reference}`);
  });
});
