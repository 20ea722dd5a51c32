// D4 (2026-11-23): complaints told as a plain account of what happened (a promise not kept, a
// record lost, a tenant's details given out, a case closed), with no strong word, and the
// plain reports and questions they must stay apart from. Written for this test; in no corpus.
import { DetectionCase as Case, expectDetection, sharedDetector } from './helpers';

describe('an account of a promise the landlord did not keep is a complaint', () => {
  it.each<Case>([
    {
      text: 'the lady at the office was told by her manager that a surveyor would visit me before the end of October, it is now the middle of November',
      intent: 'complaint',
      dissatisfied: true,
    },
    { text: 'mi s-a spus ca o sa vina un electrician vineri si n-a venit', intent: 'complaint', dissatisfied: true },
    { text: 'me dijeron que me llamaría el encargado y sigo sin saber nada', intent: 'complaint', dissatisfied: true },
  ])('reads "$text" as $intent', expectDetection);
});

describe('a record lost or a case closed without telling the tenant is a complaint', () => {
  it.each<Case>([
    { text: 'the officer says she has no record of the forms I handed in at reception in person', intent: 'complaint', dissatisfied: true },
    { text: 'zamknęliście moją sprawę o hałas bez żadnej rozmowy ze mną', intent: 'complaint', dissatisfied: true },
    { text: 'ils ont perdu mon dossier de mutation et je dois tout renvoyer', intent: 'complaint', dissatisfied: true },
  ])('reads "$text" as $intent', expectDetection);
});

describe('staff who give out or talk about a tenant\'s details are complained about', () => {
  it.each<Case>([
    { text: 'your receptionist read out my arrears in front of everyone waiting', intent: 'complaint', dissatisfied: true },
    { text: 'o funcionário deu o meu número ao senhorio do meu filho sem o meu consentimento', intent: 'complaint', dissatisfied: true },
  ])('reads "$text" as $intent', expectDetection);
});

describe('plain questions that mention a letter or a date stay enquiries', () => {
  it.each<Case>([
    { text: 'got your letter about the estate improvement works, could you let me know which weeks they will be outside my block', intent: 'enquiry', dissatisfied: false },
    { text: 'hi, I posted my bank details form on the 6th, could you let me know if it arrived', intent: 'enquiry', dissatisfied: false },
  ])('reads "$text" as $intent', expectDetection);
});

describe('a neighbour who threatens the tenant is an ASB report, not a broken promise', () => {
  it.each<Case>([
    { text: 'the man upstairs said he\'d put my windows in if I reported him again', intent: 'asb_report', dissatisfied: false },
  ])('reads "$text" as $intent', expectDetection);
});

describe('a question that accuses the landlord is a complaint, not an enquiry', () => {
  it.each<Case>([
    { text: 'why did you cancel my boiler service without telling anyone in the house', intent: 'complaint', dissatisfied: true },
    { text: 'three calls, two emails and zero replies about the lift, what are you waiting for', intent: 'complaint', dissatisfied: true },
    { text: 'el fontanero dijo que volvía el lunes, ¿a qué esperan para mandarlo?', intent: 'complaint', dissatisfied: true },
  ])('reads "$text" as $intent', expectDetection);
});

describe('ringing every day, letters sent to a neighbour, work left hanging: complaints, even next to a safety risk', () => {
  it.each<Case>([
    { text: 'প্রতিদিন ফোন করি, লিফট নষ্ট, কেউ কিছু করছে না', intent: 'complaint', dissatisfied: true },
    {
      text: 'you sent the letter about my arrears to my neighbour across the landing, how is that allowed',
      intent: 'complaint',
      dissatisfied: true,
    },
    { text: 'the joiner left the kitchen door hanging off its hinges and went', intent: 'complaint', dissatisfied: true },
  ])('reads "$text" as $intent', expectDetection);

  it('keeps the urgent flag on a complaint about no heating for an old man', () => {
    const result = sharedDetector().detect('o meu avô tem 88 anos, está sem aquecimento há três dias e ninguém nos diz nada');
    expect({ intent: result.intent, dissatisfied: result.dissatisfied, urgent: result.flags.includes('urgent_safety') }).toEqual({
      intent: 'complaint',
      dissatisfied: true,
      urgent: true,
    });
  });
});
