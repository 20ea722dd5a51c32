// Every mongoose model, bound to one connection. Add a model here when you add a schema.
import type { Connection } from 'mongoose';
import { counterModel } from './counter';
import { directlineConversationModel } from './directlineConversation';
import { directlineActivityModel } from './directlineActivity';
import { directlineAttachmentModel } from './directlineAttachment';
import { directlineSettingModel } from './directlineSetting';
import { directlineClientActivityModel } from './directlineClientActivity';
import { directlinePendingModel } from './directlinePending';
import { smsInboundModel } from './smsInbound';
import { smsInflightModel } from './smsInflight';
import { smsOptOutModel } from './smsOptOut';
import { outboxMessageModel } from './outboxMessage';
import { caseModel } from './case';
import { contactIdentityModel, contactModel } from './contact';
import { caseEventModel, contactRevisionModel } from './caseEvent';
import { channelClaimModel } from './channelClaim';
import { rateLimitCounterModel } from './rateLimitCounter';
import { staffConversationRefModel } from './staffConversationRef';
import { handoffModel } from './handoff';
import { jobClaimModel, jobHistoryModel, jobModel } from './job';
import { botStateModel } from './botState';
import { oneTimeCodeAttemptModel, oneTimeCodeModel } from './otp';

export function createModels(connection: Connection) {
  return {
    Counter: counterModel(connection),
    DirectlineConversation: directlineConversationModel(connection),
    DirectlineActivity: directlineActivityModel(connection),
    DirectlineAttachment: directlineAttachmentModel(connection),
    DirectlineSetting: directlineSettingModel(connection),
    DirectlineClientActivity: directlineClientActivityModel(connection),
    DirectlinePending: directlinePendingModel(connection),
    SmsInbound: smsInboundModel(connection),
    SmsInflight: smsInflightModel(connection),
    SmsOptOut: smsOptOutModel(connection),
    OutboxMessage: outboxMessageModel(connection),
    Case: caseModel(connection),
    Contact: contactModel(connection),
    ContactIdentity: contactIdentityModel(connection),
    CaseEvent: caseEventModel(connection),
    ContactRevision: contactRevisionModel(connection),
    ChannelClaim: channelClaimModel(connection),
    RateLimitCounter: rateLimitCounterModel(connection),
    StaffConversationRef: staffConversationRefModel(connection),
    Handoff: handoffModel(connection),
    Job: jobModel(connection),
    JobClaim: jobClaimModel(connection),
    JobHistory: jobHistoryModel(connection),
    BotState: botStateModel(connection),
    OneTimeCode: oneTimeCodeModel(connection),
    OneTimeCodeAttempt: oneTimeCodeAttemptModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;
