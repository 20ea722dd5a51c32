// The SMS opt-out list (STOP/START), shared by the webhook and every sender. The contact record's
// smsOptedOut flag mirrors it when the contact service is wired in.
import type { Model } from 'mongoose';
import type { SmsOptOutDoc } from '../../models/smsOptOut';
import { rawCollection } from '../../models/rawCollection';
import type { ContactService } from '../../services/contacts/types';
import type { Logger } from '../../services/logging/logger';

export class SmsOptOuts {
  constructor(
    private readonly model: Model<SmsOptOutDoc>,
    private readonly logger: Logger,
    private readonly contacts?: ContactService,
  ) {}

  async isOptedOut(phone: string): Promise<boolean> {
    const doc = await rawCollection(this.model).findOne({ _id: phone });
    return doc?.optedOut === true;
  }

  async set(phone: string, optedOut: boolean): Promise<void> {
    await this.model.updateOne({ _id: phone }, { $set: { optedOut, updatedAt: new Date() } }, { upsert: true });
    if (!this.contacts) return;
    try {
      const contact = await this.contacts.findOrCreateByIdentity({ channel: 'sms', id: phone }, { phone });
      if (contact.smsOptedOut !== optedOut) await this.contacts.update(contact.id, { smsOptedOut: optedOut });
    } catch (err) {
      // The opt-out list above is what senders check; the contact flag is a mirror for staff.
      this.logger.warn({ err }, 'could not mirror SMS opt-out onto the contact');
    }
  }
}
