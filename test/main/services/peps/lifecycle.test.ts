// The PEP lifecycle: the transition table (every pair of statuses), then the real moves through
// the service: no jump from draft to approved, dates and reasons, the VS's rating on its own scale,
// superseding by a later term's PEP, read-only after submission, and every move audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEP_MANUAL_STATUSES, PEP_STATUSES, type PepStatus } from '../../../../main/api/contract/peps.ts';
import { changePepStatusInput } from '../../../../main/api/contract/peps.ts';
import { childAuditEntries } from '../../../../main/services/children/audit.ts';
import { parseQaScale, ragOf } from '../../../../main/services/peps/format.ts';
import { changePepStatus, createPep, getPep, recordPepQuality, updatePep } from '../../../../main/services/peps/index.ts';
import { canTransition, manualTransitions, PEP_TRANSITIONS, transitionError } from '../../../../main/services/peps/lifecycle.ts';
import { cleanupTempDirs, expectRegisterError } from '../../../helpers/db.ts';
import { type PepFixture, pepFixture, pepRows, TODAY } from './fixture.ts';

describe('the transition table', () => {
  const allowed: [PepStatus, PepStatus][] = [
    ['draft', 'ready'],
    ['ready', 'draft'], ['ready', 'submitted'],
    ['submitted', 'approved'], ['submitted', 'returned'],
    ['returned', 'draft'],
  ];
  const systemOnly: [PepStatus, PepStatus][] = [['submitted', 'superseded'], ['approved', 'superseded'], ['returned', 'superseded']];

  it('allows exactly the designed moves by hand, and superseding only by the register', () => {
    for (const from of PEP_STATUSES) {
      for (const to of PEP_STATUSES) {
        const byHand = allowed.some(([a, b]) => a === from && b === to);
        const bySystem = byHand || systemOnly.some(([a, b]) => a === from && b === to);
        expect(canTransition(from, to), `${from} → ${to} by hand`).toBe(byHand);
        expect(canTransition(from, to, { system: true }), `${from} → ${to} by the register`).toBe(bySystem);
      }
    }
  });

  it('never jumps from draft to submitted, approved or returned', () => {
    for (const to of ['submitted', 'approved', 'returned'] as const) expect(canTransition('draft', to)).toBe(false);
    expect(transitionError('draft', 'approved').message).toBe('A draft PEP cannot go straight to the Virtual School: mark it ready first, then record it as submitted.');
    expect(transitionError('ready', 'approved').message).toMatch(/submitted to the Virtual School before/);
  });

  it('offers the lifecycle buttons the table allows, never superseded', () => {
    expect(manualTransitions('draft')).toEqual(['ready']);
    expect(manualTransitions('ready')).toEqual(['draft', 'submitted']);
    expect(manualTransitions('submitted')).toEqual(['approved', 'returned']);
    expect(manualTransitions('returned')).toEqual(['draft']);
    expect(manualTransitions('approved')).toEqual([]);
    expect(manualTransitions('superseded')).toEqual([]);
    expect(PEP_TRANSITIONS.superseded).toEqual([]);
  });

  it('every refusal is a Conflict with a plain-English reason', () => {
    for (const from of PEP_STATUSES) {
      for (const to of PEP_MANUAL_STATUSES) {
        if (canTransition(from, to)) continue;
        const e = transitionError(from, to);
        expect(e.code).toBe('Conflict');
        expect(e.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('the contract requires the VS\'s reason when a PEP is returned', () => {
    const r = changePepStatusInput.safeParse({ id: 1, to: 'returned' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['reason']);
    expect(changePepStatusInput.safeParse({ id: 1, to: 'superseded' }).success).toBe(false);
  });
});

describe('quality scales', () => {
  it('reads an LA scale best first and maps it to red / amber / green', () => {
    const scale = parseQaScale('Outstanding / Good / Requires improvement / Inadequate');
    expect(scale.map((r) => ragOf(scale, r))).toEqual(['green', 'green', 'amber', 'red']);
    const gold = parseQaScale('Gold / Silver / Bronze / Not yet good enough');
    expect(gold.map((r) => ragOf(gold, r))).toEqual(['green', 'green', 'amber', 'red']);
    expect(parseQaScale(null)).toEqual(['Green', 'Amber', 'Red']);
    expect(parseQaScale('Green / Amber / Red').map((r) => ragOf(parseQaScale('Green / Amber / Red'), r))).toEqual(['green', 'amber', 'red']);
    expect(parseQaScale('Met, Not met')).toEqual(['Met', 'Not met']);
  });
});

describe('moving a PEP through its lifecycle', () => {
  let f: PepFixture;
  let autumn: number;
  let spring: number;
  const move = (id: number, to: 'draft' | 'ready' | 'submitted' | 'approved' | 'returned', over: Partial<Parameters<typeof changePepStatus>[1]> = {}) =>
    changePepStatus(f.register, { id, to, on: null, reason: null, qualityRating: null, feedback: null, ...over }, TODAY);

  beforeAll(async () => {
    f = await pepFixture('pep-lifecycle');
    autumn = createPep(f.register, { childId: f.children.zq, academicYear: '2025-26', term: 'Autumn', kind: null }, TODAY);
    spring = createPep(f.register, { childId: f.children.zq, academicYear: '2025-26', term: 'Spring', kind: null }, TODAY);
    updatePep(f.register, autumn, { meetingDate: '2025-11-20' }, TODAY);
  });

  afterAll(() => {
    f.register.close();
    cleanupTempDirs();
  });

  it('refuses draft → approved (and → submitted) and changes nothing', async () => {
    const before = pepRows(f.register);
    const e = await expectRegisterError(() => move(autumn, 'approved'), 'Conflict');
    expect(e.message).toMatch(/mark it ready first/);
    await expectRegisterError(() => move(autumn, 'submitted', { on: '2025-11-25' }), 'Conflict');
    expect(pepRows(f.register)).toEqual(before);
    expect(getPep(f.register, autumn, TODAY).allowedTransitions).toEqual(['ready']);
  });

  it('draft → ready → draft → ready → submitted, with the submission date; nothing in the future or before the meeting', async () => {
    move(autumn, 'ready');
    move(autumn, 'draft');
    move(autumn, 'ready');
    await expectRegisterError(() => move(autumn, 'submitted', { on: '2026-04-01' }), 'Invalid');
    await expectRegisterError(() => move(autumn, 'submitted', { on: '2025-11-19' }), 'Invalid');
    move(autumn, 'submitted', { on: '2025-11-25' });
    const p = getPep(f.register, autumn, TODAY);
    expect(p).toMatchObject({ status: 'submitted', submittedOn: '2025-11-25', editable: false, allowedTransitions: ['approved', 'returned'] });
    expect(p.statusHistory.map((s) => `${s.from}→${s.to}`)).toEqual(['draft→ready', 'ready→draft', 'draft→ready', 'ready→submitted']);
  });

  it('a submitted PEP is read-only except its lifecycle fields', async () => {
    await expectRegisterError(() => updatePep(f.register, autumn, { strengths: 'x' }, TODAY), 'Conflict');
    await expectRegisterError(() => move(autumn, 'draft'), 'Conflict');
  });

  it('returned needs a reason, records it, and goes back to draft to be amended', async () => {
    await expectRegisterError(() => move(autumn, 'returned', { on: '2025-11-20', reason: 'Add success criteria.' }), 'Invalid');
    move(autumn, 'returned', { on: '2025-12-02', reason: 'Targets need success criteria that can be measured.', qualityRating: 'Requires improvement', feedback: 'Nearly there.' });
    let p = getPep(f.register, autumn, TODAY);
    expect(p).toMatchObject({ status: 'returned', returnedOn: '2025-12-02', returnedReason: 'Targets need success criteria that can be measured.', qualityRating: 'Requires improvement', qualityRag: 'amber', editable: false });
    expect(p.statusHistory.at(-1)).toMatchObject({ from: 'submitted', to: 'returned', on: '2025-12-02', note: 'Targets need success criteria that can be measured.' });
    await expectRegisterError(() => updatePep(f.register, autumn, { strengths: 'x' }, TODAY), 'Conflict');
    move(autumn, 'draft');
    p = getPep(f.register, autumn, TODAY);
    expect(p).toMatchObject({ status: 'draft', editable: true });
    updatePep(f.register, autumn, { strengths: 'Amended after the VS feedback.' }, TODAY);
  });

  it('resubmitted and approved, with the rating on the LA\'s own scale (anything else refused)', async () => {
    move(autumn, 'ready');
    move(autumn, 'submitted', { on: '2025-12-05' });
    const before = pepRows(f.register);
    const e = await expectRegisterError(() => move(autumn, 'approved', { on: '2025-12-10', qualityRating: 'Gold' }), 'Invalid');
    expect(e.message).toBe("Choose a rating on the Virtual School's scale: Outstanding, Good, Requires improvement, Inadequate.");
    expect(pepRows(f.register)).toEqual(before);
    move(autumn, 'approved', { on: '2025-12-10', qualityRating: 'good', feedback: 'A clear plan.' });
    const p = getPep(f.register, autumn, TODAY);
    expect(p).toMatchObject({ status: 'approved', approvedOn: '2025-12-10', qualityRating: 'Good', qualityRag: 'green', vsFeedback: 'A clear plan.', allowedTransitions: [] });
  });

  it('the rating and feedback can be recorded later, only once the PEP has gone to the VS', async () => {
    recordPepQuality(f.register, { id: autumn, qualityRating: 'Outstanding', feedback: 'Exemplary.' });
    expect(getPep(f.register, autumn, TODAY)).toMatchObject({ qualityRating: 'Outstanding', qualityRag: 'green', vsFeedback: 'Exemplary.' });
    await expectRegisterError(() => recordPepQuality(f.register, { id: spring, qualityRating: 'Good', feedback: null }), 'Invalid');
  });

  it('submitting the next term\'s PEP supersedes the approved one', () => {
    updatePep(f.register, spring, { meetingDate: '2026-03-05' }, TODAY);
    move(spring, 'ready');
    move(spring, 'submitted', { on: '2026-03-10' });
    const a = getPep(f.register, autumn, TODAY);
    expect(a).toMatchObject({ status: 'superseded', supersededOn: '2026-03-10', qualityRating: 'Outstanding', allowedTransitions: [] });
    expect(a.statusHistory.at(-1)).toMatchObject({ from: 'approved', to: 'superseded', on: '2026-03-10' });
    expect(getPep(f.register, spring, TODAY).status).toBe('submitted');
  });

  it('a superseded PEP cannot change status', async () => {
    for (const to of PEP_MANUAL_STATUSES) await expectRegisterError(() => move(autumn, to, { reason: 'x' }), 'Conflict');
  });

  it('every move is audited against the child, with no content', () => {
    const entries = childAuditEntries(f.register, f.children.zq).filter((e) => e.record_type === 'child.PEP_status');
    expect(entries.length).toBe(12);
    expect(entries.every((e) => e.action === 'update' && (e.record_id === `${f.children.zq}:${autumn}` || e.record_id === `${f.children.zq}:${spring}`))).toBe(true);
    expect(getPep(f.register, spring, TODAY).history.map((h) => h.description)).toContain('PEP status updated');
  });
});
