// The child's record through the services: create, read, update, leave, leavers read-only,
// undo a leaving, delete (DT only, confirmed, audited, secure), and validation naming the field.
import { registerAlerts } from '../../../../main/services/alerts/index.ts';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Register } from '../../../../db/register.ts';
import { getChildFile } from '../../../../main/services/children/childFile.ts';
import {
  cancelChildLeaving, createChild, deleteChild, listChildren, markChildLeft, updateChild,
} from '../../../../main/services/children/children.ts';
import { cleanupTempDirs, expectRegisterError, STAFF, unlockAs } from '../../../helpers/db.ts';
import { addChild, childInput, fingerprint, freshRegister, nextUpn, TODAY } from './fixtures.ts';

let register: Register;
let laId: number;
let path: string;

beforeEach(async () => {
  const t = await freshRegister();
  register = t.register;
  laId = t.laId;
  path = t.path;
  return () => register.close();
});
afterAll(cleanupTempDirs);

const auditRows = (r: Register) => r.sqlite.prepare('SELECT action, record_type, record_id FROM audit_log ORDER BY id').all() as
  { action: string; record_type: string | null; record_id: string | null }[];

describe('creating and reading a child', () => {
  it('creates a child and returns everything for the file in one call', () => {
    const id = addChild(register, { responsibleLaId: laId, senProvision: 'E', senPrimaryNeed: 'ASD', ehcpReviewDate: '2026-06-01', ppPlusEligible: true });
    const file = getChildFile(register, id, TODAY);
    expect(file.child).toMatchObject({
      id, legalFirstName: 'Zephyrine', legalLastName: 'Quarrington', preferredName: 'Zeph', status: 'CLA', legalStatus: 'C2',
      senProvision: 'E', senPrimaryNeed: 'ASD', ppPlusEligible: true, yearGroup: 8, yearGroupLabel: 'Year 8',
    });
    expect(file.editable).toBe(true);
    expect(file.canDelete).toBe(true);
    expect(file.localAuthority?.name).toBe('Northshire County Council (fictitious)');
    expect(file.localAuthority?.contacts[0]?.role).toBe('Virtual School caseworker');
    // A looked-after child with no PEP yet: the initial PEP is due, with a date.
    expect(file.nextPepDue?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file.recentActivity).toEqual([expect.objectContaining({ action: 'create', description: 'Record created', userName: STAFF.dt.name })]);
    expect(auditRows(register).at(-1)).toEqual({ action: 'create', record_type: 'child', record_id: String(id) });
  });

  it('applies the year group offset for a child taught out of their year', () => {
    const id = addChild(register, { yearGroupOffset: -1 });
    expect(getChildFile(register, id, TODAY).child).toMatchObject({ yearGroup: 7, yearGroupOffset: -1 });
  });

  it('refuses a UPN another child already has, on the upn field', async () => {
    const upn = nextUpn();
    addChild(register, { upn });
    const e = await expectRegisterError(() => addChild(register, { upn, legalFirstName: 'Barnaby' }), 'Invalid');
    expect(e.issues).toEqual([{ path: ['upn'], message: 'Another child in the register already has this UPN.' }]);
  });

  it('refuses an unknown local authority, a future date of birth and an implausible age, naming each field', async () => {
    const before = fingerprint(register);
    let e = await expectRegisterError(() => addChild(register, { responsibleLaId: 9999 }), 'Invalid');
    expect(e.issues[0]!.path).toEqual(['responsibleLaId']);
    e = await expectRegisterError(() => addChild(register, { dateOfBirth: '2026-04-01', dateJoinedSchool: '2026-05-01', dateIntoCare: null }), 'Invalid');
    expect(e.issues[0]).toEqual({ path: ['dateOfBirth'], message: 'The date of birth cannot be in the future.' });
    e = await expectRegisterError(() => addChild(register, { dateOfBirth: '1990-01-01', dateIntoCare: null }), 'Invalid');
    expect(e.issues[0]!.path).toEqual(['dateOfBirth']);
    expect(e.message).toMatch(/^Please check the form\. dateOfBirth: /);
    expect(fingerprint(register)).toBe(before);
  });

  it('never gives a new child the id of a deleted one (the audit log keeps ids)', () => {
    const a = addChild(register);
    deleteChild(register, a, 'DELETE');
    const b = addChild(register);
    expect(b).toBeGreaterThan(a);
    expect(getChildFile(register, b, TODAY).recentActivity.map((x) => x.description)).toEqual(['Record created']);
  });
});

describe('listing children', () => {
  it('gives compact rows with LA, year group, latest attendance, alerts, and counts for both views', () => {
    const a = addChild(register, { responsibleLaId: laId, legalLastName: 'Aardvark-Smythe' });
    const b = addChild(register, { legalFirstName: 'Barnaby', legalLastName: 'Fennimore-Clough', eswName: null });
    register.sqlite.prepare(`INSERT INTO attendance_periods (child_id, period_start, period_end, possible_sessions, present_sessions)
      VALUES (?, '2025-09-03', '2025-10-24', 100, 95), (?, '2026-01-05', '2026-02-13', 100, 84)`).run(a, a);
    markChildLeft(register, { id: b, leavingDate: '2026-02-27', leavingDestination: 'Moved school' }, TODAY);

    const current = listChildren(register, 'current', TODAY);
    expect(current.counts).toEqual({ onRoll: 1, leavers: 1 });
    expect(current.rows).toHaveLength(1);
    expect(current.rows[0]).toMatchObject({
      id: a, legalLastName: 'Aardvark-Smythe', responsibleLaName: 'Northshire County Council (fictitious)', yearGroupLabel: 'Year 8',
      latestAttendancePercent: 84, latestAttendanceBand: 'pep-review', leavingDate: null,
    });
    // ESW never seen since joining, attendance below 85%, and (looked after, no PEP yet) the initial PEP.
    const kinds = registerAlerts(register, TODAY, { childId: a }).map((x) => x.kind).sort();
    expect(kinds).toEqual(['attendance-pep-review', 'esw-session-overdue', expect.stringMatching(/^pep-(initial|new-school)-due$/)]);
    expect(current.rows[0]!.alertCount).toBe(3);
    expect(current.rows[0]!.urgentAlertCount).toBe(registerAlerts(register, TODAY, { childId: a }).filter((x) => x.severity === 'urgent').length);

    const leavers = listChildren(register, 'leavers', TODAY);
    expect(leavers.rows.map((r) => r.id)).toEqual([b]);
    expect(leavers.rows[0]!.alertCount).toBe(0);
    expect(listChildren(register, 'all', TODAY).rows).toHaveLength(2);
  });

  // Speed is measured by npm run bench (list_children), not asserted here.
  it('lists a thousand children with their latest attendance', () => {
    const ids = register.transaction(() => Array.from({ length: 1000 }, (_, i) => createChild(register, childInput({
      legalFirstName: `Pupil${i}`, senProvision: i % 3 === 0 ? 'E' : 'N', ehcpReviewDate: i % 3 === 0 ? '2026-04-01' : null,
    }), TODAY)));
    const insert = register.sqlite.prepare(`INSERT INTO attendance_periods (child_id, period_start, period_end, possible_sessions, present_sessions)
      VALUES (?, '2025-09-03', '2025-10-24', 100, ?), (?, '2026-01-05', '2026-02-13', 100, ?)`);
    register.transaction(() => ids.forEach((id, i) => insert.run(id, 90 + (i % 10), id, 80 + (i % 20))));
    const list = listChildren(register, 'current', TODAY);
    expect(list.rows).toHaveLength(1000);
  });
});

describe('updating', () => {
  it('replaces the details and records an update', () => {
    const id = addChild(register);
    updateChild(register, { ...childInput({ legalFirstName: 'Zephyrina', status: 'PLAC', legalStatus: null, placArrangement: 'SGO' }), id }, TODAY);
    expect(getChildFile(register, id, TODAY).child).toMatchObject({ legalFirstName: 'Zephyrina', status: 'PLAC', placArrangement: 'SGO' });
    expect(auditRows(register).at(-1)).toEqual({ action: 'update', record_type: 'child', record_id: String(id) });
  });

  it('keeps its own UPN without a clash', () => {
    const upn = nextUpn();
    const id = addChild(register, { upn });
    expect(() => updateChild(register, { ...childInput({ upn, keyAdult: 'Mrs Pennywhistle' }), id }, TODAY)).not.toThrow();
  });

  it('reports a missing child as Not Found', async () => {
    await expectRegisterError(() => updateChild(register, { ...childInput(), id: 4242 }, TODAY), 'NotFound');
  });
});

describe('leaving', () => {
  it('records the leaving and sets the retention review date from the school setting', () => {
    const id = addChild(register, { dateOfBirth: '2012-02-29' });
    markChildLeft(register, { id, leavingDate: '2026-03-13', leavingDestination: 'Moved school: placement move out of area' }, TODAY);
    const file = getChildFile(register, id, TODAY);
    // Born on 29 February: 25 years later has no 29 February, so the earlier day.
    expect(file.child).toMatchObject({ leavingDate: '2026-03-13', leavingDestination: 'Moved school: placement move out of area', retentionReviewDate: '2037-02-28' });
    expect(file.editable).toBe(false);
    expect(file.alerts).toEqual([]);
    expect(file.recentActivity[0]!.description).toBe('Marked as left');
  });

  it('uses the school\'s retention years', () => {
    register.sqlite.prepare('UPDATE school SET retention_years_after_dob = 30').run();
    const id = addChild(register, { dateOfBirth: '2013-02-14' });
    markChildLeft(register, { id, leavingDate: TODAY, leavingDestination: 'Elective home education' }, TODAY);
    expect(getChildFile(register, id, TODAY).child.retentionReviewDate).toBe('2043-02-14');
  });

  it('refuses a leaving date before joining or in the future, naming leavingDate', async () => {
    const id = addChild(register);
    let e = await expectRegisterError(() => markChildLeft(register, { id, leavingDate: '2024-09-01', leavingDestination: 'x' }, TODAY), 'Invalid');
    expect(e.issues[0]!.path).toEqual(['leavingDate']);
    e = await expectRegisterError(() => markChildLeft(register, { id, leavingDate: '2026-03-17', leavingDestination: 'x' }, TODAY), 'Invalid');
    expect(e.issues[0]!.message).toMatch(/future/);
  });

  it('makes the record read-only: every edit is refused with a clear Conflict and nothing changes', async () => {
    const id = addChild(register);
    markChildLeft(register, { id, leavingDate: '2026-03-13', leavingDestination: 'Moved school' }, TODAY);
    const before = fingerprint(register);
    const attempts: (() => unknown)[] = [
      () => updateChild(register, { ...childInput(), id }, TODAY),
      () => markChildLeft(register, { id, leavingDate: '2026-03-13', leavingDestination: 'Again' }, TODAY),
    ];
    for (const attempt of attempts) {
      const e = await expectRegisterError(attempt, 'Conflict');
      expect(e.message).toMatch(/has left the school, so their record is read-only/);
    }
    expect(fingerprint(register)).toBe(before);
  });

  it('lets the DT undo a leaving recorded by mistake, but not the deputy', async () => {
    const id = addChild(register);
    markChildLeft(register, { id, leavingDate: '2026-03-13', leavingDestination: 'Moved school' }, TODAY);
    cancelChildLeaving(register, id);
    const file = getChildFile(register, id, TODAY);
    expect(file.child).toMatchObject({ leavingDate: null, leavingDestination: null, retentionReviewDate: null });
    expect(file.editable).toBe(true);
    expect(file.recentActivity[0]!.description).toBe('Leaving cancelled');
    await expectRegisterError(() => cancelChildLeaving(register, id), 'Conflict');

    markChildLeft(register, { id, leavingDate: '2026-03-13', leavingDestination: 'Moved school' }, TODAY);
    await register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
    const deputyId = register.users().find((u) => u.role === 'deputy')!.id;
    register.close();
    register = await unlockAs(path, deputyId, STAFF.deputy.passphrase);
    await expectRegisterError(() => cancelChildLeaving(register, id), 'Forbidden');
  });
});

describe('deleting', () => {
  it('deletes the child and everything hanging off them, audited without content', () => {
    const id = addChild(register, { legalFirstName: 'Isolde', legalLastName: 'Marchbanks' });
    register.sqlite.prepare("INSERT INTO placements (child_id, placement_type, start_date) VALUES (?, 'U4', '2024-01-01')").run(id);
    register.sqlite.prepare("INSERT INTO voice_log (child_id, held_on, kind, wishes_feelings) VALUES (?, '2026-01-01', 'conversation', 'Likes chess')").run(id);
    deleteChild(register, id, 'DELETE');
    for (const t of ['children', 'placements', 'voice_log']) {
      expect(register.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    }
    expect(auditRows(register).at(-1)).toEqual({ action: 'delete', record_type: 'child', record_id: String(id) });
    expect(register.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('accepts the child\'s UPN (any case, spaces) as confirmation', () => {
    const upn = nextUpn();
    const id = addChild(register, { upn });
    deleteChild(register, id, ` ${upn.toLowerCase().slice(0, 6)} ${upn.toLowerCase().slice(6)} `);
    expect(register.sqlite.prepare('SELECT count(*) FROM children').pluck().get()).toBe(0);
  });

  it('refuses without the right confirmation, naming the confirm field', async () => {
    const id = addChild(register);
    const before = fingerprint(register);
    for (const confirm of ['', 'delete', 'yes', nextUpn()]) {
      const e = await expectRegisterError(() => deleteChild(register, id, confirm), 'Invalid');
      expect(e.issues[0]!.path).toEqual(['confirm']);
    }
    expect(fingerprint(register)).toBe(before);
  });

  it('is for the DT only', async () => {
    const id = addChild(register);
    await register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
    const deputyId = register.users().find((u) => u.role === 'deputy')!.id;
    register.close();
    register = await unlockAs(path, deputyId, STAFF.deputy.passphrase);
    const before = fingerprint(register);
    await expectRegisterError(() => deleteChild(register, id, 'DELETE'), 'Forbidden');
    expect(fingerprint(register)).toBe(before);
    expect(getChildFile(register, id, TODAY).canDelete).toBe(false);
  });

  it('may delete a leaver (the one change allowed to a leaver)', () => {
    const id = addChild(register);
    markChildLeft(register, { id, leavingDate: '2026-03-13', leavingDestination: 'Moved school' }, TODAY);
    deleteChild(register, id, 'DELETE');
    expect(register.sqlite.prepare('SELECT count(*) FROM children').pluck().get()).toBe(0);
  });

  it('reports an unknown child as Not Found', async () => {
    await expectRegisterError(() => deleteChild(register, 777, 'DELETE'), 'NotFound');
  });
});
