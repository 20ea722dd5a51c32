// Every mongoose model, bound to one connection. Add a model here when you add a schema.
import type { Connection } from 'mongoose';
import { counterModel } from './counter';
import { directlineConversationModel } from './directlineConversation';
import { directlineActivityModel } from './directlineActivity';
import { directlineAttachmentModel } from './directlineAttachment';
import { directlineSettingModel } from './directlineSetting';
import { directlineRateWindowModel } from './directlineRateWindow';
import { smsInboundModel } from './smsInbound';
import { smsOptOutModel } from './smsOptOut';
import { outboxMessageModel } from './outboxMessage';
import { channelClaimModel } from './channelClaim';
import { staffConversationRefModel } from './staffConversationRef';
import { handoffModel } from './handoff';

export function createModels(connection: Connection) {
  return {
    Counter: counterModel(connection),
    DirectlineConversation: directlineConversationModel(connection),
    DirectlineActivity: directlineActivityModel(connection),
    DirectlineAttachment: directlineAttachmentModel(connection),
    DirectlineSetting: directlineSettingModel(connection),
    DirectlineRateWindow: directlineRateWindowModel(connection),
    SmsInbound: smsInboundModel(connection),
    SmsOptOut: smsOptOutModel(connection),
    OutboxMessage: outboxMessageModel(connection),
    ChannelClaim: channelClaimModel(connection),
    StaffConversationRef: staffConversationRefModel(connection),
    Handoff: handoffModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;
