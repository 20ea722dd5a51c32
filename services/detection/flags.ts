// Flags travel with every detection so dialogs and staff can act on them whatever the intent.
import type { CueKind } from './lexicons/types';
import type { DetectionFlag } from './types';

/** Gas, carbon monoxide, flooding, exposed electrics, or no heat/water with a vulnerable person. */
export function isUrgent(cues: ReadonlySet<CueKind>): boolean {
  return (
    cues.has('hazard_gas') ||
    cues.has('hazard_co') ||
    cues.has('hazard_flood') ||
    cues.has('hazard_electric') ||
    (cues.has('no_heat_water') && cues.has('vulnerable'))
  );
}

export function detectionFlags(cues: ReadonlySet<CueKind>, dissatisfied: boolean): DetectionFlag[] {
  const flags: DetectionFlag[] = [];
  if (isUrgent(cues)) flags.push('urgent_safety');
  if (cues.has('explicit_complaint') && dissatisfied) flags.push('explicit_complaint');
  if (cues.has('abusive')) flags.push('abusive');
  if (cues.has('legal')) flags.push('legal');
  if (cues.has('vulnerable')) flags.push('vulnerability');
  if (cues.has('repetition_strong')) flags.push('repeat_contact');
  if (cues.has('broken_promise')) flags.push('broken_promise');
  if (cues.has('sarcasm')) flags.push('sarcasm');
  return flags;
}
