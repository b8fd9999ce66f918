// The SMART check of a PEP target: specific (a skill or subject), measurable (a number, grade,
// percentage or observable criterion), time-bound (a date, not before the meeting), owned
// (someone named). Good targets pass; weak ones get one gentle prompt per missing criterion.
import { describe, expect, it } from 'vitest';
import { checkSmart, SMART_PROMPTS, type SmartTargetInput } from '../../../../main/services/peps/smart.ts';

const good: SmartTargetInput = {
  area: 'Maths',
  target: 'Recall multiplication facts to 12 × 12 quickly and accurately',
  successCriteria: 'Scores at least 45 out of 50 on the weekly times tables check',
  byWhen: '2026-03-27',
  who: 'Maths teacher (Mr Quayle)',
};

const failing = (t: SmartTargetInput, opts = {}) => Object.entries(checkSmart(t, opts).checks).filter(([, c]) => !c.ok).map(([k]) => k);

describe('SMART check: good targets pass', () => {
  it.each([
    ['times tables with a score', good],
    ['reading age', { area: 'Reading', target: 'Read daily with the key adult to improve fluency and comprehension', successCriteria: 'Reading age rises by at least 6 months', byWhen: '2026-03-27', who: 'Key adult' }],
    ['a percentage', { area: 'Attendance', target: 'Raise attendance to at least 95% this term', successCriteria: null, byWhen: '2026-03-27', who: 'Designated Teacher' }],
    ['a GCSE grade', { area: 'Science', target: 'Revise key vocabulary before each science test', successCriteria: 'Achieves grade 5 or above in the mock', byWhen: '2026-03-27', who: 'Science teacher' }],
    ['an observable "will be able to"', { area: 'English', target: 'Write extended answers using paragraphs and accurate punctuation', successCriteria: 'Will be able to plan and write a four-paragraph answer', byWhen: '2026-02-13', who: 'English teacher' }],
    ['behaviour without prompting', { area: 'SEMH', target: 'Use the calm-down plan to manage frustration in lessons', successCriteria: 'Uses the time-out card without adult prompting', byWhen: '2026-02-13', who: 'Key adult' }],
    ['KS2 standard', { area: 'Writing', target: 'Use fronted adverbials and varied sentence openers in writing', successCriteria: 'Teacher assessment at the expected standard (EXS)', byWhen: '2026-07-10', who: 'Class teacher' }],
    ['a school subject name supplied by the register', { area: 'Latin', target: 'Learn the first declension endings in Latin', successCriteria: 'Can recite all endings correctly', byWhen: '2026-03-27', who: 'Latin teacher' }],
  ])('%s', (_, t) => {
    const r = checkSmart(t, { extraTerms: ['Latin'] });
    expect(r.prompts).toEqual([]);
    expect(r).toMatchObject({ smart: true, passed: 4 });
  });
});

describe('SMART check: weak targets get a gentle prompt per missing criterion', () => {
  it('"Try harder in maths" with nothing else fails all four, with a prompt for each', () => {
    const r = checkSmart({ area: 'Maths', target: 'Try harder in maths', successCriteria: null, byWhen: null, who: null });
    expect(r.smart).toBe(false);
    expect(r.passed).toBe(0);
    expect(r.checks.specific.prompt).toBe(SMART_PROMPTS.specific);
    expect(checkSmart({ target: 'Try harder' }).checks.specific.prompt).toBe(SMART_PROMPTS.specificShort);
    expect(r.checks.measurable.prompt).toBe(SMART_PROMPTS.measurable);
    expect(r.checks.timeBound.prompt).toBe(SMART_PROMPTS.timeBound);
    expect(r.checks.owner.prompt).toBe(SMART_PROMPTS.owner);
    expect(r.prompts).toHaveLength(4);
  });

  it('not specific: no subject or skill named', () => {
    expect(failing({ ...good, area: null, target: 'Be more positive and happy about coming to school every day' })).toEqual(['specific']);
    expect(failing({ ...good, area: 'Other', target: 'Do better than before' })).toEqual(['specific']);
  });

  it('specific from the area when the target says enough about it', () => {
    expect(failing({ ...good, area: 'Maths', target: 'Practise the methods from class at home with the carer twice a week' })).toEqual([]);
    // ... but a bare "improve" under a subject area is still too vague.
    expect(failing({ ...good, area: 'Maths', target: 'Improve' })).toEqual(['specific']);
  });

  it('not measurable: nothing to count or see', () => {
    expect(failing({ ...good, target: 'Feel more confident about reading in class', successCriteria: 'Feels more confident' })).toEqual(['measurable']);
    expect(failing({ ...good, target: 'Work on spelling and handwriting', successCriteria: null })).toEqual(['measurable']);
    expect(checkSmart({ ...good, target: 'Work on spelling and handwriting', successCriteria: null }).checks.measurable.prompt).toMatch(/will be able to/);
  });

  it('measurable from the success criteria alone', () => {
    expect(failing({ ...good, target: 'Work on spelling and handwriting', successCriteria: 'Spells 8 out of 10 weekly words correctly' })).toEqual([]);
  });

  it('not time-bound: no date, an impossible date, or a date before the meeting', () => {
    expect(failing({ ...good, byWhen: null })).toEqual(['timeBound']);
    expect(failing({ ...good, byWhen: 'by Easter' })).toEqual(['timeBound']);
    expect(failing({ ...good, byWhen: '2026-02-30' })).toEqual(['timeBound']);
    const r = checkSmart({ ...good, byWhen: '2025-10-01' }, { notBefore: '2025-11-10' });
    expect(r.checks.timeBound).toEqual({ ok: false, prompt: SMART_PROMPTS.timeBoundPast });
    expect(checkSmart({ ...good, byWhen: '2025-11-10' }, { notBefore: '2025-11-10' }).smart).toBe(true);
  });

  it('no owner, or one nobody in particular', () => {
    expect(failing({ ...good, who: null })).toEqual(['owner']);
    expect(failing({ ...good, who: '  ' })).toEqual(['owner']);
    expect(failing({ ...good, who: '?' })).toEqual(['owner']);
    for (const who of ['All', 'all staff'.split(' ')[0]!, 'School', 'TBC', 'everyone']) {
      expect(checkSmart({ ...good, who }).checks.owner.prompt, who).toBe(SMART_PROMPTS.ownerVague);
    }
  });

  it('never throws and never blocks: empty input is just four prompts', () => {
    const r = checkSmart({ target: '' });
    expect(r.smart).toBe(false);
    expect(r.prompts).toHaveLength(4);
  });

  it('matches whole words only ("art" is not found in "start")', () => {
    expect(failing({ ...good, area: null, target: 'Make a good start to each morning please' })).toContain('specific');
    expect(failing({ ...good, area: null, target: 'Join the art club and finish two pieces' })).toEqual([]);
  });

  it('prompts are gentle, plain English and say what to add', () => {
    for (const p of Object.values(SMART_PROMPTS)) {
      expect(p).not.toMatch(/\b(error|invalid|must|fail)/i);
      expect(p.length).toBeLessThan(200);
    }
  });
});
