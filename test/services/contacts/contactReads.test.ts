// The contact of one tenant message is read from the database once, not once per caller (inbound
// guard, then the bot); what this instance writes is seen at once, another instance's within a second.
import { connectDatabase } from '../../../services/database/connection';
import { createModels, Models } from '../../../models';
import { createContactService } from '../../../services/contacts/contactService';
import { recordCommands, withMonitoring } from '../../bench/commandLog';
import { testMongoUri, uniqueDbName } from '../../helpers/db';
import type { Connection } from 'mongoose';

describe('contact reads per message', () => {
  let connection: Connection;
  let models: Models;
  beforeAll(async () => {
    connection = await connectDatabase(withMonitoring(testMongoUri()), uniqueDbName('contactreads'));
    models = createModels(connection);
    await Promise.all(Object.values(models).map((m) => m.init()));
  });
  afterAll(async () => {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  });

  const sms = { channel: 'sms' as const, id: '+447700900444' };

  it('a second lookup right after the first sends no database command', async () => {
    const contacts = createContactService({ models });
    await contacts.findOrCreateByIdentity(sms, { phone: sms.id });
    await new Promise((r) => setTimeout(r, 1100));
    const log = recordCommands(connection);
    const first = await contacts.findByIdentity(sms);
    const afterFirst = log.commands.length;
    const second = await contacts.findOrCreateByIdentity(sms, { phone: sms.id });
    log.stop();
    expect(afterFirst).toBeGreaterThan(0);
    expect(log.commands.length).toBe(afterFirst);
    expect(log.commands.every((c) => c.byId)).toBe(true);
    expect(second).toEqual(first);
  });

  it('a change written through the service is seen by the very next lookup', async () => {
    const contacts = createContactService({ models });
    const contact = await contacts.findOrCreateByIdentity(sms, { phone: sms.id });
    await contacts.findByIdentity(sms);
    await contacts.addRestriction(contact.id, { kind: 'contact_limit', reason: 'Calls every hour', decidedBy: 'manager-1', reviewBy: new Date(Date.now() + 86_400_000), maxMessagesPerDay: 3 });
    expect((await contacts.findByIdentity(sms))?.restrictions).toHaveLength(1);
  });

  it('another instance\'s change is seen within a second', async () => {
    const mine = createContactService({ models });
    const theirs = createContactService({ models });
    const contact = await mine.findOrCreateByIdentity(sms, { phone: sms.id });
    await mine.findByIdentity(sms);
    await theirs.update(contact.id, { preferredLanguage: 'cy' });
    await new Promise((r) => setTimeout(r, 1100));
    expect((await mine.findByIdentity(sms))?.preferredLanguage).toBe('cy');
  });
});
