// An LA's PEP cut-off dates through the API dispatcher, as the settings screen calls it: list,
// save, field issues for a bad date, NotFound, the deputy may edit them as for the LA itself, and
// they go with their LA or academic year when that is deleted.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../../db/keyring.ts';
import { AppContext } from '../../../main/api/context.ts';
import type { AcademicYear, ApiResult, AppStatus, LaPepDeadlineYear, LocalAuthority, PublicUser } from '../../../main/api/contract.ts';
import { dispatch } from '../../../main/api/dispatch.ts';
import { cleanupTempDirs, STAFF, tempDir } from '../../helpers/db.ts';
import { YEAR_2025_26 } from '../services/calendar/fixture.ts';

let ctx: AppContext;
let la: LocalAuthority;
let year: AcademicYear;

async function ok<T>(name: string, input: unknown = {}): Promise<T> {
  const r: ApiResult<unknown> = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  ctx = new AppContext({ registerPath: path.join(tempDir('la-cutoffs-api'), 'r.cicdb'), demoPath: null, kdf: FAST_TEST_KDF });
  await ok('createRegister', { schoolName: 'Hollowmere Academy (fictitious)', userName: STAFF.dt.name, role: 'dt', passphrase: STAFF.dt.passphrase });
  year = await ok('saveAcademicYear', YEAR_2025_26);
  la = await ok('saveLocalAuthority', {
    name: 'Eastmoor Borough Council (fictitious)', initialPepSchoolDays: 20, newSchoolPepSchoolDays: 20, ppplusPencePerYear: 257000, ppplusPayment: 'termly', contacts: [],
  });
});

afterAll(() => {
  ctx.dispose();
  cleanupTempDirs();
});

const cutoffs = (Autumn: string | null, Spring: string | null, Summer: string | null) => ({ laId: la.id, academicYearId: year.id, cutoffs: { Autumn, Spring, Summer } });

describe('PEP cut-off dates through the API', () => {
  it('lists the year with no cut-offs yet and each term\'s end as the fallback', async () => {
    const [y, ...rest] = await ok<LaPepDeadlineYear[]>('listLaPepDeadlines', { laId: la.id });
    expect(rest).toEqual([]);
    expect(y!.terms).toEqual([
      { term: 'Autumn', cutoffDate: null, termStart: '2025-09-01', termEnd: '2025-12-19' },
      { term: 'Spring', cutoffDate: null, termStart: '2026-01-05', termEnd: '2026-03-27' },
      { term: 'Summer', cutoffDate: null, termStart: '2026-04-13', termEnd: '2026-07-22' },
    ]);
  });

  it('saves and lists them back', async () => {
    const saved = await ok<LaPepDeadlineYear>('saveLaPepDeadlines', cutoffs('2025-12-05', null, '2026-07-10'));
    expect(saved.terms.map((t) => t.cutoffDate)).toEqual(['2025-12-05', null, '2026-07-10']);
    expect(await ok('listLaPepDeadlines', { laId: la.id })).toEqual([saved]);
  });

  it('puts a bad date on its term: an impossible date (schema) and one outside the year (service)', async () => {
    expect(await dispatch(ctx, 'saveLaPepDeadlines', cutoffs('2025-11-31', null, null))).toMatchObject({
      ok: false, error: { code: 'Invalid', issues: [{ path: ['cutoffs', 'Autumn'], message: 'That date does not exist.' }] },
    });
    expect(await dispatch(ctx, 'saveLaPepDeadlines', cutoffs(null, '2026-09-04', null))).toMatchObject({
      ok: false, error: { code: 'Invalid', issues: [{ path: ['cutoffs', 'Spring'], message: 'The Spring cut-off must fall within 2025-26 (01/09/2025 to 31/08/2026).' }] },
    });
    expect(await dispatch(ctx, 'saveLaPepDeadlines', { laId: la.id, academicYearId: year.id, cutoffs: { Autumn: '2025-12-05' } })).toMatchObject({
      ok: false, error: { code: 'Invalid' },
    });
    const [y] = await ok<LaPepDeadlineYear[]>('listLaPepDeadlines', { laId: la.id });
    expect(y!.terms.map((t) => t.cutoffDate)).toEqual(['2025-12-05', null, '2026-07-10']);
  });

  it('answers NotFound for an LA or academic year that does not exist', async () => {
    expect(await dispatch(ctx, 'listLaPepDeadlines', { laId: 9999 })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await dispatch(ctx, 'saveLaPepDeadlines', { ...cutoffs(null, null, null), laId: 9999 })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await dispatch(ctx, 'saveLaPepDeadlines', { ...cutoffs(null, null, null), academicYearId: 9999 })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });

  it('the deputy DT may edit them, as they may edit the local authority', async () => {
    const deputy = await ok<PublicUser>('addUser', { name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
    await ok('lock');
    await ok<AppStatus>('unlock', { userId: deputy.id, passphrase: STAFF.deputy.passphrase });
    const saved = await ok<LaPepDeadlineYear>('saveLaPepDeadlines', cutoffs('2025-12-12', '2026-03-20', null));
    expect(saved.terms.map((t) => t.cutoffDate)).toEqual(['2025-12-12', '2026-03-20', null]);
    const audit = ctx.requireRegister().sqlite.prepare('SELECT user_id, action, record_type FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(audit).toEqual({ user_id: deputy.id, action: 'update', record_type: 'la_pep_deadlines' });
  });

  it('go with their local authority when it is deleted', async () => {
    await ok('deleteLocalAuthority', { id: la.id });
    expect(ctx.requireRegister().sqlite.prepare('SELECT count(*) FROM la_pep_deadlines').pluck().get()).toBe(0);
    expect(await dispatch(ctx, 'listLaPepDeadlines', { laId: la.id })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });
});
