import { loadPolicyPack } from '../../../services/policy/packs';
import { extensionText, nextStepsText, notAcceptedText } from '../../../services/policy/signposting';

describe('signposting texts', () => {
  it('tells a tenant why a complaint is not accepted and of their right to go to the Ombudsman', () => {
    const text = notAcceptedText(loadPolicyPack('brighter-places'), 'legal proceedings have started.');
    expect(text).toMatch(/not able to accept this as a complaint: legal proceedings have started\. You have the right/);
    expect(text).toMatch(/0300 111 3000/);
  });

  it('gives the new date and the Ombudsman when an extension is taken', () => {
    expect(extensionText(loadPolicyPack('hoc-2024'), '2026-06-29', 'a surveyor must inspect')).toMatch(/by Monday 29 June 2026\. .*info@housing-ombudsman\.org\.uk/);
  });

  it('states the Stage 2 window and the reasons rule after a Stage 1 response', () => {
    const text = nextStepsText(loadPolicyPack('slh'), 'stage1', '2026-05-18');
    expect(text).toMatch(/ask for Stage 2 — review by the Complaints Review Panel by Monday 18 May 2026\. Tell us why you remain dissatisfied\./);
  });

  it('names the Independent Complaints Panel after Tuntum’s Stage 2', () => {
    expect(nextStepsText(loadPolicyPack('tuntum'), 'stage2', null)).toMatch(/Independent Complaints Panel/);
  });
});
