// The scheduler job that answers webchat messages an instance stopped handling mid-turn (crash):
// every 30 s one instance (the scheduler's claim) scans the small `directline_pending` collection,
// and each stalled message is taken by one instance per attempt (a unique-insert claim).
import type { Scheduler } from '../../services/scheduler/types';
import type { Logger } from '../../services/logging/logger';
import type { WebchatChannel } from './index';

export const WEBCHAT_RESUME_JOB = 'webchat.resumePending';
const EVERY_MS = 30_000;

export async function defineWebchatResumeJob(scheduler: Scheduler, webchat: Pick<WebchatChannel, 'resumePending'>, logger: Logger): Promise<void> {
  scheduler.define(WEBCHAT_RESUME_JOB, async () => {
    const resumed = await webchat.resumePending();
    if (resumed) logger.info({ job: WEBCHAT_RESUME_JOB, resumed }, 'webchat turns resumed');
  });
  await scheduler.schedule(WEBCHAT_RESUME_JOB, new Date(Date.now() + EVERY_MS), {}, { uniqueKey: WEBCHAT_RESUME_JOB, repeatEveryMs: EVERY_MS });
}
