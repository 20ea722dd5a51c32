// D2 (2026-11-23): phrasings of the weak intents and of complaints hidden in repair reports,
// written for this test and kept out of every corpus (the guard below checks training).
import { DetectionCase as Case, expectDetection } from './helpers';


describe('a complaint about the answer to a complaint is a Stage 2 request', () => {
  it.each<Case>([
    {
      text: 'read your reply to my complaint and it is wrong, please have someone go over it again',
      intent: 'stage2_request',
      dissatisfied: true,
    },
    { text: 'nu sunt de acord cu raspunsul la plangerea mea, cer o reanalizare', intent: 'stage2_request', dissatisfied: true },
    { text: 'mere complaint ka faisla theek nahi laga, dobara review karwaein', intent: 'stage2_request', dissatisfied: true },
  ])('reads "$text" as $intent', expectDetection);
});

describe('asking for a person, not asking a question', () => {
  it.each<Case>([
    { text: 'could a manager ring me back this evening', intent: 'human', dissatisfied: false },
    { text: 'fadlan qof ha i soo waco galabta', intent: 'human', dissatisfied: false },
    { text: 'office se koi mujhe call kar de please', intent: 'human', dissatisfied: false },
  ])('reads "$text" as $intent', expectDetection);
});

describe('closing small talk is not praise', () => {
  it.each<Case>([
    { text: 'thanks very much', intent: 'other', dissatisfied: false },
    { text: 'شكرا جزيلا لكم', intent: 'other', dissatisfied: false },
    { text: 'muito obrigado', intent: 'other', dissatisfied: false },
  ])('reads "$text" as $intent', expectDetection);
});

describe('a repair report that says an earlier repair failed is a complaint', () => {
  it.each<Case>([
    {
      text: 'the damp patch is back on the landing wall, the decorator only painted over it in March',
      intent: 'complaint',
      dissatisfied: true,
    },
    { text: 'la humedad ha vuelto, dijeron que estaba reparada hace un mes', intent: 'complaint', dissatisfied: true },
    { text: "l'infiltration est revenue alors qu'on m'avait dit que c'était réparé", intent: 'complaint', dissatisfied: true },
  ])('reads "$text" as $intent', expectDetection);
});

describe('a plain repair report with strong feelings is not a complaint', () => {
  it.each<Case>([
    { text: "I'm really upset, the bathroom door handle snapped off, can someone fix it", intent: 'service_request', dissatisfied: false },
  ])('reads "$text" as $intent', expectDetection);
});
