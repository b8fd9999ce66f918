// Chase letters, checked in the PDF itself (pdftotext): a letter per teacher or provider, each
// overdue item listed once, the right wording and addressee for each stage, the right dates, and
// nothing about a child beyond initials and year group. Chases are recorded, once per item per day.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '../../../db/query.ts';
import { chaseLettersDocument } from '../../../main/documents/chaseLetters.ts';
import {
  listGradeScales, requestReturns, saveAssessmentWindow, saveProvider, saveProviderReport, saveReturnCells,
} from '../../../main/services/progress/index.ts';
import { buildChaseQueue, generateChaseLetters } from '../../../main/services/sla/chase.ts';
import { cleanupTempDirs } from '../../helpers/db.ts';
import { pdfPageCount, pdfText, pdfToPngs } from '../../helpers/pdf.ts';
import { CHILDREN, type Fixture, progressFixture, STAFF } from '../services/progress/fixture.ts';

let f: Fixture;
const AS_OF = '2025-12-15';
const LATER = '2025-12-18';
const GENERATED = new Date(2025, 11, 15, 8, 30);

const chaseCount = () => f.register.all(qb.selectFrom('chases').select('id')).length;
const decode = (b64: string) => Buffer.from(b64, 'base64');
const countOf = (text: string, s: string) => text.split(s).length - 1;

beforeAll(async () => {
  f = await progressFixture();
  const year = f.register.one(qb.selectFrom('academic_years').select('id'))!.id;
  const gcse = listGradeScales(f.register).find((s) => s.name === 'GCSE 9–1')!.id;
  // An earlier window: everything in except Isolde's maths, due 24/10 and at stage 3 by December.
  const autumn1 = saveAssessmentWindow(f.register, { academicYearId: year, name: 'Autumn 1', closeDate: '2025-10-17', gradeScaleId: gcse, scaleOverrides: [7, 8, 9].map((y) => ({ yearGroup: y, gradeScaleId: f.scales.ks3 })) }).id;
  requestReturns(f.register, autumn1, '2025-10-13');
  const done = (childId: number, subjectId: number, grade: string) => ({ childId, subjectId, current: grade, target: grade });
  saveReturnCells(f.register, autumn1, [
    done(f.children.zq, f.subjects.english, '6'), done(f.children.zq, f.subjects.maths, '5'), done(f.children.bf, f.subjects.english, '5'),
    done(f.children.bf, f.subjects.maths, '5'), done(f.children.bf, f.subjects.history, '5'), done(f.children.im, f.subjects.english, '4'),
  ], '2025-10-22');
  // Autumn 2: due 12/12; two returns in on time, five outstanding (stage 1 on 15/12).
  requestReturns(f.register, f.windowId, '2025-12-01');
  saveReturnCells(f.register, f.windowId, [done(f.children.zq, f.subjects.english, '6'), done(f.children.bf, f.subjects.maths, '5')], '2025-12-10');
  // A tutoring provider: one report outstanding since 04/12 (stage 3 by 15/12), one received.
  const provider = saveProvider(f.register, {
    name: 'Larkhill Tutoring (fictitious)', contactName: 'Ophelia Drummond-Ng', email: 'tutors@example.org', managerName: 'Septimus Colquhoun',
    managerEmail: 'manager@example.org', reportDueSchoolDays: 2, escalationGapSchoolDays: 3,
  }).id;
  saveProviderReport(f.register, { providerId: provider, childId: f.children.zq, sessionDate: '2025-12-02' });
  saveProviderReport(f.register, { providerId: provider, childId: f.children.bf, sessionDate: '2025-12-02', receivedOn: '2025-12-03' });
});

afterAll(() => {
  f.register.close();
  cleanupTempDirs();
});

describe('the chase queue', () => {
  it('puts each teacher and provider in one letter, at the highest stage of their items', () => {
    const q = buildChaseQueue(f.register, AS_OF);
    expect(q.letters.map((l) => [l.about, l.stage, l.items.length])).toEqual([
      [STAFF.english, 1, 2],
      [STAFF.maths, 3, 4],
      ['Larkhill Tutoring (fictitious)', 3, 1],
    ]);
    expect(q).toMatchObject({ items: 7, alreadyChasedToday: 0, unassigned: 0, calendarEstimated: false });
    const maths = q.letters[1]!;
    expect(maths.to.name).toBe(STAFF.senior);
    expect(maths.cc.map((c) => c.name)).toEqual([STAFF.maths, STAFF.mathsLeader]);
    expect(maths.items[0]).toMatchObject({ initials: 'IM', yearGroup: 7, subject: 'Maths', window: 'Autumn 1 2025-26', stage: 3, schoolDaysOverdue: 31, dueOn: '2025-10-24' });
    expect(q.letters[0]!.cc).toEqual([]);
    expect(q.letters[2]).toMatchObject({ to: { name: 'Septimus Colquhoun' }, replyBy: '2025-12-18' });
    expect(q.letters[2]!.cc.map((c) => c.name)).toEqual(['Ophelia Drummond-Ng', STAFF.senior]);
  });
});

describe('the letters PDF', () => {
  let text: string;
  let pdf: Buffer;

  beforeAll(async () => {
    const before = chaseCount();
    const r = await generateChaseLetters(f.register, { asOf: AS_OF, generatedAt: GENERATED });
    expect(r).toMatchObject({ letters: 3, items: 7, recorded: 7 });
    expect(chaseCount()).toBe(before + 7);
    expect(r.files).toHaveLength(1);
    expect(r.files[0]).toMatchObject({ fileName: 'chase-letters-2025-12-15.pdf', mimeType: 'application/pdf' });
    pdf = decode(r.files[0]!.base64);
    text = pdfText(pdf, { layout: true });
  });

  it('has one letter per teacher or provider, each starting a new page', () => {
    expect(countOf(text, 'Dear ')).toBe(3);
    expect(pdfPageCount(pdf)).toBe(3);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages[0]).toContain(`Dear ${STAFF.english},`);
    expect(pages[1]).toContain(`Dear ${STAFF.senior},`);
    expect(pages[2]).toContain('Dear Septimus Colquhoun,');
  });

  it('uses the right wording, addressee and copies for each stage', () => {
    const [english, maths, provider] = text.split('\f');
    expect(english).toContain('Reminder: progress returns overdue');
    expect(english).toContain('Stage 1 of 3: reminder');
    expect(english).not.toContain('Copy to');
    expect(maths).toContain('Escalation: progress returns still outstanding');
    expect(maths).toContain('Stage 3 of 3: escalation to senior leadership');
    expect(maths).toMatch(/To\s+Dorothea Fairweather-Lyle, Senior leader/);
    expect(maths).toMatch(/Copy to\s+Bartholomew Quayle, Teacher \(b\.quayle@example\.org\); Cuthbert Ainsley-Moor, Subject leader, Maths/);
    expect(maths).toContain(`the responsibility of ${STAFF.maths}`);
    expect(provider).toContain('Escalation: session reports still outstanding');
    expect(provider).toMatch(/Copy to\s+Ophelia Drummond-Ng/);
  });

  it('lists each overdue item exactly once, with its due date and school days overdue', () => {
    const q = buildChaseQueue(f.register, AS_OF);
    for (const item of q.letters.flatMap((l) => l.items)) {
      if (item.classCode === null) continue;
      const expected = q.letters.flatMap((l) => l.items).filter((i) => i.classCode === item.classCode).length;
      expect(countOf(text, item.classCode), item.classCode).toBe(expected);
    }
    // Isolde's maths appears in both windows (Autumn 1 at stage 3, Autumn 2 at stage 1).
    expect(countOf(text, '7Z/Ma3')).toBe(2);
    // Returns already in are not chased.
    expect(text).not.toContain('10X/En1');
    expect(text).not.toContain('9Y/Ma1');
    const rows = text.split('\n').filter((l) => /^\s*(IM|BF|ZQ)\s+Year \d+\s/.test(l));
    expect(rows).toHaveLength(7);
    expect(rows.find((l) => l.includes('7Z/Ma3') && l.includes('24/10/2025'))).toMatch(/24\/10\/2025\s+31\s+3 · escalation/);
    expect(rows.filter((l) => l.includes('12/12/2025')).every((l) => /12\/12\/2025\s+1\s+1 · reminder/.test(l))).toBe(true);
    expect(rows.find((l) => l.includes('02/12/2025'))).toMatch(/ZQ\s+Year 10\s+02\/12\/2025\s+04\/12\/2025\s+7\s+3 · escalation/);
  });

  it('dates the letters and gives the reply-by date in school days', () => {
    expect(countOf(text, 'Date')).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/Date\s+15\/12\/2025/);
    expect(countOf(text.replace(/\s+/g, ' '), 'Reply by 18/12/2025')).toBe(3);
    expect(text).toContain('by 18/12/2025');
    expect(text).toContain('Generated 15/12/2025 08:30');
  });

  it('says nothing about a child beyond initials and year group', () => {
    const flat = text.replace(/\s+/g, ' ');
    for (const c of CHILDREN) {
      expect(flat).not.toContain(c.first);
      expect(flat).not.toContain(c.last);
      const dob = c.dob ?? '2012-01-01';
      expect(flat).not.toContain(dob);
      expect(flat).not.toContain(dob.split('-').reverse().join('/'));
      if (c.upn) expect(flat).not.toContain(c.upn);
    }
    expect(text).toContain('Children are named by initials and year group only.');
  });

  it('renders a professional first page (test-results/letters-page1.png)', () => {
    const out = path.resolve(import.meta.dirname, '../../../test-results');
    fs.mkdirSync(out, { recursive: true });
    for (const old of fs.readdirSync(out).filter((n) => n.startsWith('letters-page'))) fs.rmSync(path.join(out, old));
    const [page1] = pdfToPngs(pdf, path.join(out, 'letters-page1-render'));
    fs.renameSync(page1!, path.join(out, 'letters-page1.png'));
    const [page2] = pdfToPngs(pdf, path.join(out, 'letters-page2-render'), { first: 2, last: 2 });
    fs.renameSync(page2!, path.join(out, 'letters-page2.png'));
    expect(fs.statSync(path.join(out, 'letters-page1.png')).size).toBeGreaterThan(10_000);
  });
});

describe('recording the chase', () => {
  it('generating again the same day records nothing new', async () => {
    const before = chaseCount();
    const again = await generateChaseLetters(f.register, { asOf: AS_OF });
    expect(again).toMatchObject({ letters: 3, items: 7, recorded: 0 });
    expect(chaseCount()).toBe(before);
    expect(buildChaseQueue(f.register, AS_OF).alreadyChasedToday).toBe(7);
  });

  it('moves up the ladder on a later day, and a return recorded after a chase stops further chasing', async () => {
    // Barnaby's English comes in on 17/12, after the stage 1 letter.
    saveReturnCells(f.register, f.windowId, [{ childId: f.children.bf, subjectId: f.subjects.english, current: '5' }], '2025-12-17');
    const r = await generateChaseLetters(f.register, { asOf: LATER, generatedAt: GENERATED });
    expect(r).toMatchObject({ letters: 3, items: 6, recorded: 6 });
    const text = pdfText(decode(r.files[0]!.base64), { layout: true });
    expect(text).not.toContain('9Y/En2');
    const english = text.split('\f')[0]!;
    expect(english).toContain('Second request: progress returns still outstanding');
    expect(english).toContain('Stage 2 of 3: chase copied to the subject leader');
    expect(english).toMatch(/Copy to\s+Leontyne Wrexham-Pryce, Subject leader, English/);
    expect(english).toContain(`Dear ${STAFF.english},`);
    // Reply by 18/12 + 3 school days: 19/12, then 06/01 (05/01 is an INSET day) and 07/01.
    expect(english).toMatch(/Reply by\s+07\/01\/2026/);
    const bfEnglish = f.register.all(qb.selectFrom('chases').innerJoin('progress_returns', 'progress_returns.id', 'chases.return_id')
      .select(['chases.stage', 'chases.chased_on']).where('progress_returns.child_id', '=', f.children.bf)
      .where('progress_returns.subject_id', '=', f.subjects.english).where('progress_returns.window_id', '=', f.windowId));
    expect(bfEnglish).toEqual([{ stage: 1, chased_on: AS_OF }]);
  });

  it('produces no file when nothing is overdue', async () => {
    expect(await generateChaseLetters(f.register, { asOf: '2025-10-20' })).toMatchObject({ files: [], letters: 0, items: 0 });
  });
});

describe('the document definition', () => {
  it('is a pure function of its data: A4, marked, each letter after the first on a new page', () => {
    const q = buildChaseQueue(f.register, LATER);
    const def = chaseLettersDocument({ schoolName: 'S', dtName: 'D', schoolEmail: null, asOf: LATER, letters: q.letters, generatedAt: GENERATED });
    expect(def.pageSize).toBe('A4');
    const content = def.content as { pageBreak?: string }[];
    expect(content).toHaveLength(q.letters.length);
    expect(content.slice(1).every((c) => c.pageBreak === 'before')).toBe(true);
    expect(content[0]!.pageBreak).toBeUndefined();
  });
});
