// The policy engine: packs (data), the working-day calendar and deadline arithmetic.
export * from './calendar';
export * from './packSchema';
export * from './packs';
export * from './deadlines';

import { createCalendar, HolidayRegion, WorkingCalendar } from './calendar';
import { loadPolicyPack } from './packs';
import type { PolicyPack } from './packSchema';

/** What the app carries: the configured pack and the nation's calendar. */
export interface PolicyContext {
  pack: PolicyPack;
  calendar: WorkingCalendar;
}

/** Loads POLICY_PACK and HOLIDAY_REGION; throws PolicyPackError (file, field, reason) on a bad pack. */
export function createPolicyContext(packId: string, region: HolidayRegion): PolicyContext {
  return { pack: loadPolicyPack(packId), calendar: createCalendar(region) };
}
export * from './signposting';
export * from './timeLimit';
