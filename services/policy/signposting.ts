// The English texts a tenant must be given at set moments (POLICIES.md: the Ombudsman's details at
// every stage, always when an extension is taken or a complaint is refused). Built from the pack's
// data so every landlord's wording and contacts come from its pack; dialogs translate them.
import type { CalendarDate } from './calendar';
import type { PolicyPack } from './packSchema';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Monday 29 June 2026" (UK style, no comma; ICU's en-GB adds one). */
export function longDate(date: CalendarDate): string {
  const d = new Date(`${date}T12:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The Ombudsman's contact details. */
export function ombudsmanText(pack: PolicyPack): string {
  return pack.signposting.ombudsmanText;
}

/** A complaint not accepted: why, that the right to complain is kept, and the Ombudsman's details. */
export function notAcceptedText(pack: PolicyPack, reason: string): string {
  return `We are not able to accept this as a complaint: ${reason.trim().replace(/\.$/, '')}. You have the right to take this decision to the Housing Ombudsman. ${pack.signposting.ombudsmanText}`;
}

/** An extension: the new date, the reason and the Ombudsman's details. */
export function extensionText(pack: PolicyPack, newRespondBy: CalendarDate, reason: string): string {
  return `We need more time to respond fully: ${reason.trim().replace(/\.$/, '')}. You will have our response by ${longDate(newRespondBy)}. ${pack.signposting.ombudsmanText}`;
}

/** After a stage response: how to take it further (the next stage and its window, or what follows the process). */
export function nextStepsText(pack: PolicyPack, stage: 'quick' | 'stage1' | 'stage2', escalateBy: CalendarDate | null): string {
  if (stage === 'quick') {
    const by = escalateBy ? ` by ${longDate(escalateBy)}` : '';
    return `If you are not happy with this, you can ask for a formal complaint (${pack.stage1.name})${by}. ${pack.signposting.ombudsmanText}`;
  }
  if (stage === 'stage1') {
    const by = escalateBy ? ` by ${longDate(escalateBy)}` : '';
    const reasons = pack.stage2Request.reasonsRequired ? ` ${pack.stage2Request.reasonsNote}` : '';
    return `If you are not happy with this response, you can ask for ${pack.stage2.name}${by}.${reasons} ${pack.signposting.ombudsmanText}`;
  }
  const extra = [pack.signposting.independentPanelText, pack.signposting.designatedPersonText].filter(Boolean).join(' ');
  return `${pack.signposting.afterInternalProcessText}${extra ? ` ${extra}` : ''} ${pack.signposting.ombudsmanText}`;
}
