// The detection contract shared by the `detect` command, dialogs and staff views.
export const INTENTS = [
  'complaint',
  'service_request',
  'compliment',
  'comment',
  'enquiry',
  'status_check',
  'stage2_request',
  'asb_report',
  'data_request',
  'human',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Flags always include these when they apply; detectors may add others (e.g. vulnerability, repeat_contact). */
export type DetectionFlag = 'explicit_complaint' | 'abusive' | 'legal' | 'urgent_safety' | (string & {});

export interface Detection {
  intent: Intent;
  /** The text expresses dissatisfaction with the landlord's service, actions, inaction, staff or contractors. */
  dissatisfied: boolean;
  /** 0..1 */
  confidence: number;
  /** ISO 639-1 code, e.g. en, cy, pl, ar. */
  language: string;
  flags: DetectionFlag[];
}

export interface Detector {
  /** Synchronous and deterministic: the same text always gives the same answer. */
  detect(text: string, hints?: { language?: string }): Detection;
}
