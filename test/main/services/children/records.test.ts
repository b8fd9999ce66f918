// Records hanging off a child: add / update / delete for each kind, the checks that need the
// register, placement moves, the derived figures the tabs show, and leavers read-only.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Register } from '../../../../db/register.ts';
import {
  addAttendancePeriodInput, addEducationHistoryInput, addExclusionInput, addPlacementInput, addPriorAttainmentInput, addVoiceEntryInput,
} from '../../../../main/api/contract.ts';
import { getChildFile } from '../../../../main/services/children/childFile.ts';
import { markChildLeft } from '../../../../main/services/children/children.ts';
import * as rec from '../../../../main/services/children/records.ts';
import { cleanupTempDirs, expectRegisterError } from '../../../helpers/db.ts';
import { addChild, fingerprint, freshRegister, TODAY } from './fixtures.ts';

let register: Register;
let child: number;

beforeEach(async () => {
  const t = await freshRegister('records');
  register = t.register;
  child = addChild(register);
  return () => register.close();
});
afterAll(cleanupTempDirs);

const placement = (v: Record<string, unknown>) => addPlacementInput.parse({ childId: child, placementType: 'U4', ...v });
const attendance = (v: Record<string, unknown>) => addAttendancePeriodInput.parse({ childId: child, ...v });
const exclusion = (v: Record<string, unknown>) => addExclusionInput.parse({ childId: child, kind: 'SUSP', schoolDays: 1, ...v });
const voice = (v: Record<string, unknown>) => addVoiceEntryInput.parse({ childId: child, kind: 'esw_session', wishesFeelings: 'Wants to try the football team.', ...v });
const lastAudit = () => register.sqlite.prepare('SELECT action, record_type, record_id FROM audit_log ORDER BY id DESC LIMIT 1').get();

describe('placements', () => {
  it('records a move: the open placement ends the day the new one starts, and moves are counted', () => {
    rec.addPlacement(register, child, placement({ startDate: '2019-05-01', carerName: 'Mr and Mrs Hollowbrook' }), TODAY);
    rec.addPlacement(register, child, placement({ startDate: '2025-06-10', placementType: 'K2', carerName: 'Larkspur House' }), TODAY);
    const file = getChildFile(register, child, TODAY);
    expect(file.placements.items.map((p) => [p.startDate, p.endDate, p.current])).toEqual([
      ['2025-06-10', null, true], ['2019-05-01', '2025-06-10', false],
    ]);
    expect(file.placements.current?.carerName).toBe('Larkspur House');
    expect(file.placements).toMatchObject({ moves: 1, movesLast12Months: 1 });
    expect(file.recentActivity.slice(0, 2).map((a) => a.description)).toEqual(['Placement added', 'Placement updated']);
  });

  it('refuses an overlapping placement and one before birth, naming startDate', async () => {
    rec.addPlacement(register, child, placement({ startDate: '2020-01-01', endDate: '2022-01-01' }), TODAY);
    const before = fingerprint(register);
    let e = await expectRegisterError(() => rec.addPlacement(register, child, placement({ startDate: '2021-06-01', endDate: '2023-01-01' }), TODAY), 'Invalid');
    expect(e.issues[0]).toMatchObject({ path: ['startDate'], message: expect.stringMatching(/overlaps the one from 01\/01\/2020 to 01\/01\/2022/) });
    e = await expectRegisterError(() => rec.addPlacement(register, child, placement({ startDate: '2010-01-01', endDate: '2010-02-01' }), TODAY), 'Invalid');
    expect(e.issues[0]!.path).toEqual(['startDate']);
    expect(fingerprint(register)).toBe(before);
    // Back to back (one ends the day the next starts) is fine.
    expect(() => rec.addPlacement(register, child, placement({ startDate: '2022-01-01', endDate: '2023-01-01' }), TODAY)).not.toThrow();
  });

  it('updates and deletes, audited against the child', () => {
    rec.addPlacement(register, child, placement({ startDate: '2020-01-01' }), TODAY);
    const id = getChildFile(register, child, TODAY).placements.items[0]!.id;
    rec.updatePlacement(register, id, placement({ startDate: '2020-02-01', carerName: 'Ms Quillfeather' }), TODAY);
    expect(lastAudit()).toEqual({ action: 'update', record_type: 'child.placement', record_id: `${child}:${id}` });
    expect(getChildFile(register, child, TODAY).placements.items[0]).toMatchObject({ startDate: '2020-02-01', carerName: 'Ms Quillfeather' });
    rec.deletePlacement(register, id);
    expect(getChildFile(register, child, TODAY).placements.items).toEqual([]);
    expect(lastAudit()).toEqual({ action: 'delete', record_type: 'child.placement', record_id: `${child}:${id}` });
  });

  it('reports an unknown record as Not Found', async () => {
    await expectRegisterError(() => rec.deletePlacement(register, 9999), 'NotFound');
    await expectRegisterError(() => rec.updatePlacement(register, 9999, placement({ startDate: '2020-01-01' }), TODAY), 'NotFound');
  });
});

describe('education history and prior attainment', () => {
  it('keeps schools attended and results, with a numeric result read from the text', () => {
    rec.addEducationHistory(register, child, addEducationHistoryInput.parse({
      childId: child, schoolName: 'Hollin Lane Primary School', schoolUrn: '', startDate: '2017-09-04', endDate: '2024-07-19', reasonForLeaving: 'Transfer to secondary',
    }), TODAY);
    rec.addPriorAttainment(register, child, addPriorAttainmentInput.parse({ childId: child, measure: 'KS2', subject: 'Reading', result: '104', assessedOn: '2024-07-09' }), TODAY);
    const file = getChildFile(register, child, TODAY);
    expect(file.educationHistory[0]).toMatchObject({ schoolName: 'Hollin Lane Primary School', schoolUrn: null, reasonForLeaving: 'Transfer to secondary' });
    expect(file.priorAttainment[0]).toMatchObject({ measure: 'KS2', result: '104', resultNum: 104 });
  });

  it('refuses an assessment in the future, naming assessedOn', async () => {
    const e = await expectRegisterError(() => rec.addPriorAttainment(register, child, addPriorAttainmentInput.parse({
      childId: child, measure: 'CAT4', result: '95', assessedOn: '2026-04-01',
    }), TODAY), 'Invalid');
    expect(e.issues[0]!.path).toEqual(['assessedOn']);
  });
});

describe('attendance periods', () => {
  it('shows percentages, bands against the school thresholds, the latest period and the year so far', () => {
    rec.addAttendancePeriod(register, child, attendance({ periodStart: '2025-09-03', periodEnd: '2025-10-24', possibleSessions: 100, presentSessions: 95 }), TODAY);
    rec.addAttendancePeriod(register, child, attendance({ periodStart: '2025-11-03', periodEnd: '2025-12-19', possibleSessions: 100, presentSessions: 90 }), TODAY);
    rec.addAttendancePeriod(register, child, attendance({ periodStart: '2026-01-05', periodEnd: '2026-02-13', possibleSessions: 100, presentSessions: 84, unauthorisedAbsence: 16 }), TODAY);
    const a = getChildFile(register, child, TODAY).attendance;
    expect(a.periods.map((p) => [p.percent, p.band])).toEqual([[95, 'ok'], [90, 'action-plan'], [84, 'pep-review']]);
    expect(a.latest?.periodStart).toBe('2026-01-05');
    expect(a.yearToDatePercent).toBe(89.7);
    expect(a.thresholds).toEqual({ actionPlanPercent: 90, pepReviewPercent: 85 });
  });

  it('refuses an overlapping period and one starting in the future', async () => {
    rec.addAttendancePeriod(register, child, attendance({ periodStart: '2025-09-03', periodEnd: '2025-10-24', possibleSessions: 100, presentSessions: 95 }), TODAY);
    let e = await expectRegisterError(() => rec.addAttendancePeriod(register, child, attendance({ periodStart: '2025-10-20', periodEnd: '2025-11-01', possibleSessions: 10, presentSessions: 10 }), TODAY), 'Invalid');
    expect(e.issues[0]).toMatchObject({ path: ['periodStart'], message: expect.stringMatching(/overlaps the attendance already recorded for 03\/09\/2025 to 24\/10\/2025/) });
    e = await expectRegisterError(() => rec.addAttendancePeriod(register, child, attendance({ periodStart: '2026-04-01', periodEnd: '2026-04-02', possibleSessions: 4, presentSessions: 4 }), TODAY), 'Invalid');
    expect(e.issues[0]!.path).toEqual(['periodStart']);
  });

  it('lets a period be corrected in place (its own dates are no overlap)', () => {
    rec.addAttendancePeriod(register, child, attendance({ periodStart: '2025-09-03', periodEnd: '2025-10-24', possibleSessions: 100, presentSessions: 95 }), TODAY);
    const id = getChildFile(register, child, TODAY).attendance.periods[0]!.id;
    rec.updateAttendancePeriod(register, id, attendance({ periodStart: '2025-09-03', periodEnd: '2025-10-24', possibleSessions: 100, presentSessions: 97 }), TODAY);
    expect(getChildFile(register, child, TODAY).attendance.periods[0]).toMatchObject({ presentSessions: 97, source: 'manual' });
  });
});

describe('suspensions and exclusions', () => {
  it('shows the dates informed, lateness, the paperwork deadline and the days this year', () => {
    rec.addExclusion(register, child, exclusion({
      startDate: '2026-03-09', endDate: '2026-03-10', schoolDays: 2, reason: 'Persistent disruptive behaviour',
      vsInformedOn: '2026-03-10', socialWorkerInformedOn: '2026-03-09', paperworkSentOn: '2026-03-12',
    }), TODAY);
    rec.addExclusion(register, child, exclusion({ startDate: '2025-10-06', schoolDays: 0.5, vsInformedOn: '2025-10-06', socialWorkerInformedOn: '2025-10-06', paperworkSentOn: '2025-10-07' }), TODAY);
    const x = getChildFile(register, child, TODAY).exclusions;
    expect(x.items[0]).toMatchObject({
      startDate: '2026-03-09', vsInformedLate: true, socialWorkerInformedLate: false, paperworkDueBy: '2026-03-11', paperworkLate: true,
    });
    expect(x.suspensionDaysThisYear).toBe(2.5);
  });

  it('refuses informed dates in the future and a suspension before the child joined', async () => {
    let e = await expectRegisterError(() => rec.addExclusion(register, child, exclusion({ startDate: '2026-03-16', vsInformedOn: '2026-03-17' }), TODAY), 'Invalid');
    expect(e.issues[0]!.path).toEqual(['vsInformedOn']);
    e = await expectRegisterError(() => rec.addExclusion(register, child, exclusion({ startDate: '2024-01-10' }), TODAY), 'Invalid');
    expect(e.issues[0]!.path).toEqual(['startDate']);
  });
});

describe('voice log', () => {
  it('lists newest first with the gap between ESW sessions and the days since the last', () => {
    rec.addVoiceEntry(register, child, voice({ heldOn: '2026-01-12' }), TODAY);
    rec.addVoiceEntry(register, child, voice({ heldOn: '2026-02-09' }), TODAY);
    rec.addVoiceEntry(register, child, voice({ heldOn: '2026-02-20', kind: 'conversation', staffName: 'Key adult' }), TODAY);
    const v = getChildFile(register, child, TODAY).voice;
    expect(v.entries.map((e) => [e.heldOn, e.daysSincePreviousEswSession])).toEqual([['2026-02-20', null], ['2026-02-09', 28], ['2026-01-12', null]]);
    expect(v).toMatchObject({ lastEswSessionOn: '2026-02-09', daysSinceLastEswSession: 35, eswSessionWeeks: 4, eswOverdue: true });
  });

  it('refuses a session in the future, naming heldOn', async () => {
    const e = await expectRegisterError(() => rec.addVoiceEntry(register, child, voice({ heldOn: '2026-03-20' }), TODAY), 'Invalid');
    expect(e.issues[0]!.path).toEqual(['heldOn']);
  });
});

describe('leavers are read-only', () => {
  it('refuses every add, update and delete on a leaver with a Conflict, and changes nothing', async () => {
    rec.addPlacement(register, child, placement({ startDate: '2020-01-01' }), TODAY);
    rec.addVoiceEntry(register, child, voice({ heldOn: '2026-01-12' }), TODAY);
    const f = getChildFile(register, child, TODAY);
    markChildLeft(register, { id: child, leavingDate: '2026-03-13', leavingDestination: 'Moved school' }, TODAY);
    const before = fingerprint(register);
    const attempts: (() => unknown)[] = [
      () => rec.addPlacement(register, child, placement({ startDate: '2026-03-01' }), TODAY),
      () => rec.updatePlacement(register, f.placements.items[0]!.id, placement({ startDate: '2020-01-02' }), TODAY),
      () => rec.deletePlacement(register, f.placements.items[0]!.id),
      () => rec.addEducationHistory(register, child, addEducationHistoryInput.parse({ childId: child, schoolName: 'Moorend School' }), TODAY),
      () => rec.addPriorAttainment(register, child, addPriorAttainmentInput.parse({ childId: child, measure: 'KS2', result: '100' }), TODAY),
      () => rec.addAttendancePeriod(register, child, attendance({ periodStart: '2026-01-05', periodEnd: '2026-02-13', possibleSessions: 10, presentSessions: 9 }), TODAY),
      () => rec.addExclusion(register, child, exclusion({ startDate: '2026-03-02' }), TODAY),
      () => rec.addVoiceEntry(register, child, voice({ heldOn: '2026-03-02' }), TODAY),
      () => rec.updateVoiceEntry(register, f.voice.entries[0]!.id, voice({ heldOn: '2026-01-13' }), TODAY),
      () => rec.deleteVoiceEntry(register, f.voice.entries[0]!.id),
    ];
    for (const attempt of attempts) {
      const e = await expectRegisterError(attempt, 'Conflict');
      expect(e.message).toMatch(/read-only/);
    }
    expect(fingerprint(register)).toBe(before);
  });
});
