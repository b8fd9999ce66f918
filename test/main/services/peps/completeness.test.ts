// PEP completeness (pure): required sections filled, each target SMART, the child's voice or a
// reason; what applies depends on the child (CLA / PLAC, SEN, year group, previous targets).
import { describe, expect, it } from 'vitest';
import type { PepText } from '../../../../main/api/contract/peps.ts';
import { type CompletenessInput, pepCompleteness } from '../../../../main/services/peps/completeness.ts';

const blank: PepText = {
  childVoice: null, childVoiceReason: null, carerViews: null, socialWorkerViews: null, strengths: null, barriers: null,
  senNotes: null, transitionCareers: null, attendanceNotes: null, progressNotes: null,
};
const smartTarget = { area: 'Maths', target: 'Recall multiplication facts to 12 × 12 accurately', successCriteria: 'Scores 45 out of 50', byWhen: '2026-03-27', who: 'Maths teacher' };
const full: CompletenessInput = {
  childStatus: 'CLA', yearGroup: 7, senProvision: 'N', meetingDate: '2026-01-20', attendeeCount: 4,
  text: { ...blank, childVoice: 'Likes art.', carerViews: 'Settled.', socialWorkerViews: 'Stable.', strengths: 'Art', barriers: 'Reading' },
  reviews: [], targets: [smartTarget], actions: [{ action: 'Book tuition', owner: 'DT', dueOn: '2026-02-01' }],
};

describe('PEP completeness', () => {
  it('is 100% when everything that applies is done', () => {
    expect(pepCompleteness(full)).toMatchObject({ percent: 100, missing: [], done: 10, total: 10 });
  });

  it('an empty draft lists every missing item, with a prompt for each', () => {
    const c = pepCompleteness({ ...full, meetingDate: null, attendeeCount: 0, text: blank, targets: [], actions: [] });
    expect(c.percent).toBe(0);
    expect(c.missing).toEqual([
      'PEP meeting date', 'Who attended the meeting', "The child's voice, or why it was not recorded", "Carer's views", "Social worker's views",
      'Strengths', 'Barriers to learning', 'At least one new target', 'Actions with an owner and a date',
    ]);
    expect(c.items.every((i) => i.done || (i.prompt && i.prompt.length > 10))).toBe(true);
  });

  it("the child's voice can be a reason why it was not recorded", () => {
    expect(pepCompleteness({ ...full, text: { ...full.text, childVoice: '  ', childVoiceReason: 'Unwell on the day; will be gathered by the ESW.' } }).percent).toBe(100);
    expect(pepCompleteness({ ...full, text: { ...full.text, childVoice: '  ' } }).missing).toEqual(["The child's voice, or why it was not recorded"]);
  });

  it('each target counts, and must pass the SMART check; a date before the meeting does not', () => {
    const weak = { area: 'Maths', target: 'Try harder in maths', successCriteria: null, byWhen: null, who: null };
    const c = pepCompleteness({ ...full, targets: [smartTarget, weak] });
    expect(c.missing).toEqual(['Target 2 is SMART']);
    expect(c.items.find((i) => i.key === 'target:2')!.prompt).toMatch(/Name the subject or skill/);
    expect(c.percent).toBe(Math.round((10 / 11) * 100));
    expect(pepCompleteness({ ...full, targets: [{ ...smartTarget, byWhen: '2026-01-01' }] }).missing).toEqual(['Target 1 is SMART']);
  });

  it('previous targets must all have an outcome', () => {
    const c = pepCompleteness({ ...full, reviews: [{ outcome: 'met' }, { outcome: null }, { outcome: null }] });
    expect(c.missing).toEqual(['Outcomes of the previous targets']);
    expect(c.items.find((i) => i.key === 'reviews')!.prompt).toBe('Record whether the 2 remaining previous targets were met, partly met or not met.');
    expect(pepCompleteness({ ...full, reviews: [{ outcome: 'met' }, { outcome: 'not_met' }] }).percent).toBe(100);
  });

  it('SEN notes only with SEN support or an EHC plan', () => {
    expect(pepCompleteness({ ...full, senProvision: 'E' }).missing).toEqual(['How the PEP links to the EHC plan']);
    expect(pepCompleteness({ ...full, senProvision: 'K' }).missing).toEqual(['How the PEP links to the SEN support plan']);
  });

  it('transition in Year 6; careers and post-16 from Year 9', () => {
    expect(pepCompleteness({ ...full, yearGroup: 6 }).missing).toEqual(['Transition to secondary school']);
    expect(pepCompleteness({ ...full, yearGroup: 8 }).missing).toEqual([]);
    expect(pepCompleteness({ ...full, yearGroup: 9 }).missing).toEqual(['Careers and post-16 plans']);
    expect(pepCompleteness({ ...full, yearGroup: 12, text: { ...full.text, transitionCareers: 'Applying for apprenticeships.' } }).missing).toEqual([]);
  });

  it("a previously looked-after child's plan needs the parent's or guardian's views, not a social worker's", () => {
    const c = pepCompleteness({ ...full, childStatus: 'PLAC', text: { ...full.text, socialWorkerViews: null, carerViews: null } });
    expect(c.missing).toEqual(["Parent's or guardian's views"]);
    expect(c.total).toBe(9);
  });

  it('actions need an owner and a date each', () => {
    expect(pepCompleteness({ ...full, actions: [...full.actions, { action: 'Share targets', owner: 'DT', dueOn: null }] }).missing).toEqual(['Actions with an owner and a date']);
  });
});
