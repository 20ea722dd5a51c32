// Small views of a case shared by the Teams bot, the staff API and the tab.
import type { CaseRecord } from '../../services/cases/types';
import { endOfLondonDay, londonDate } from '../../services/policy/calendar';
import { awaitsAcknowledgement, awaitsResponse } from '../../services/cases/statuses';

/** Past the end (Europe/London) of the deadline day that is pending for the case's status. */
export function isOverdue(c: CaseRecord, now = new Date()): boolean {
  if (!awaitsResponse(c.status)) return false;
  const late = (d: Date | null) => !!d && endOfLondonDay(londonDate(new Date(d))).getTime() < now.getTime();
  return (awaitsAcknowledgement(c.status) && late(c.deadlines.acknowledgeBy)) || late(c.deadlines.respondBy);
}

/** Drops empty strings a card submits for untouched optional inputs. */
export function withoutEmpty(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')));
}
