// One fictitious child and everything hanging off them: placements, schools attended, prior
// attainment, attendance per half-term, suspensions and voice-log entries.

import { halfTerms, schoolYear } from './calendar.ts';
import type { DemoContext, DemoLa, Row } from './context.ts';
import { addDays, addYears, daysBetween, iso, maxDate, minDate, onOrAfter } from './dates.ts';
import {
  ACTIONS, CAREERS_PLANS, CHILDRENS_HOMES, CONCERNS, LEAVER_DESTINATIONS_MOVE, LEAVER_DESTINATIONS_Y11,
  PLACEMENT_NOTES, PRIMARY_SCHOOLS, SECONDARY_SCHOOLS, SUSPENSION_REASONS, TRANSITION_NOTES, WISHES,
} from './lists.ts';
import { adultName, adultSurname, childName, dramaPhone, exampleEmail } from './names.ts';
import type { Rng } from './prng.ts';
import { makeUpn } from '../../api/contract/upn.ts';

/** Decided across the whole cohort (quotas), so small demos still show every situation. */
export interface ChildPlan {
  id: number;
  status: 'CLA' | 'PLAC';
  sen: 'N' | 'K' | 'E';
  /** Target attendance band. */
  attendance: 'good' | 'below90' | 'below85';
  suspended: boolean;
  leaver: 'none' | 'y11' | 'moved';
}

export interface ChildRows {
  child: Row<'children'>;
  placements: Omit<Row<'placements'>, 'child_id'>[];
  education: Omit<Row<'education_history'>, 'child_id'>[];
  attainment: Omit<Row<'prior_attainment'>, 'child_id'>[];
  attendance: Omit<Row<'attendance_periods'>, 'child_id'>[];
  exclusions: Omit<Row<'exclusions'>, 'child_id'>[];
  voice: Omit<Row<'voice_log'>, 'child_id'>[];
}

const LEGAL_STATUS = [['C2', 58], ['V2', 21], ['C1', 12], ['E1', 7], ['J1', 2]] as const;
const PLAC_ARRANGEMENT = [['ADOPTED', 55], ['SGO', 35], ['CAO', 10]] as const;
const YEAR_GROUPS = [[3, 3], [4, 3], [5, 4], [6, 4], [7, 10], [8, 11], [9, 12], [10, 13], [11, 12], [12, 7], [13, 6]] as const;
const NEED_E = [['SEMH', 35], ['ASD', 20], ['SLCN', 15], ['MLD', 12], ['SPLD', 5], ['SLD', 4], ['HI', 3], ['PD', 3], ['OTH', 3]] as const;
const NEED_K = [['SEMH', 40], ['SPLD', 15], ['MLD', 15], ['SLCN', 12], ['ASD', 8], ['NSA', 6], ['VI', 2], ['OTH', 2]] as const;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function randomDate(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

/** Age in whole years on `on`. */
function age(dob: string, on: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** First pupil day of the academic year starting in `start` (after its INSET days). */
function firstDayOfYear(ctx: DemoContext, start: number): string {
  return ctx.days.onOrAfter(schoolYear(start).terms[0]!.startDate)!;
}

function lastDayOfYear(start: number): string {
  return schoolYear(start).terms[2]!.endDate;
}

export function makeChild(ctx: DemoContext, plan: ChildPlan, rng: Rng): ChildRows {
  const name = childName(rng);
  const yearNow = plan.leaver === 'y11' ? 12 : plan.leaver === 'moved' ? rng.int(7, 11) : rng.weighted(YEAR_GROUPS);
  // Born in the school year starting B means Year N in the year starting B + 5 + N.
  const birthYear = ctx.ayStart - yearNow - 5;
  const dob = randomDate(rng, iso(birthYear, 9, 1), iso(birthYear + 1, 8, 31));
  const receptionYear = birthYear + 5;
  const offset = plan.leaver === 'none' && rng.chance(0.03) ? -1 : 0;

  const { joined, previousSchools } = joining(ctx, rng, yearNow, receptionYear, plan);
  const leaving = leavingDate(ctx, rng, plan, joined);

  const la = pickLa(ctx, rng, plan.status);
  const care = plan.status === 'CLA' ? careDetails(ctx, rng, dob, la) : null;
  const sen = senDetails(ctx, rng, plan.sen);
  const hasEsw = plan.status === 'CLA' || rng.chance(0.5);
  const esw = hasEsw ? rng.pick(ctx.esws) : null;
  const keyAdult = rng.pick(ctx.keyAdults);
  const taughtYear = yearNow + offset;

  const child: Row<'children'> = {
    id: plan.id,
    upn: newUpn(ctx, rng, receptionYear),
    legal_first_name: name.first,
    legal_last_name: name.last,
    preferred_name: name.preferred,
    date_of_birth: dob,
    gender: name.gender,
    ethnicity: name.ethnicity,
    year_group_offset: offset,
    status: plan.status,
    plac_arrangement: plan.status === 'PLAC' ? rng.weighted(PLAC_ARRANGEMENT) : null,
    legal_status: care?.legalStatus ?? null,
    responsible_la_id: la.id,
    date_into_care: care?.intoCare ?? null,
    date_joined_school: joined,
    social_worker_name: care?.socialWorker.full ?? null,
    social_worker_email: care ? exampleEmail(care.socialWorker.first, care.socialWorker.last, la.template.short) : null,
    social_worker_phone: care ? dramaPhone(rng) : null,
    iro_name: care?.iro.full ?? null,
    iro_email: care ? exampleEmail(care.iro.first, care.iro.last, la.template.short) : null,
    iro_phone: care ? dramaPhone(rng) : null,
    key_adult: keyAdult,
    esw_name: esw,
    sen_provision: plan.sen,
    sen_primary_need: sen.need,
    ehcp_review_date: sen.review,
    // PP+ is for pupils from Reception to Year 11; PLAC only once the parent has declared it.
    pp_plus_eligible: taughtYear <= 11 && (plan.status === 'CLA' || rng.chance(0.85)) ? 1 : 0,
    consent_information_sharing: rng.chance(0.9) ? 1 : 0,
    consent_notes: null,
    transition_notes: [6, 11, 13].includes(taughtYear) && rng.chance(0.6) ? rng.pick(TRANSITION_NOTES) : null,
    careers_plan: taughtYear >= 9 && rng.chance(0.7) ? rng.pick(CAREERS_PLANS) : null,
    leaving_date: leaving?.date ?? null,
    leaving_destination: leaving?.destination ?? null,
    retention_review_date: leaving ? addYears(dob, 25) : null,
    created_at: `${maxDate(joined, ctx.windowStart)}T09:00:00.000Z`,
    updated_at: ctx.stamp,
  };

  const onRollTo = minDate(leaving?.date ?? ctx.today, addDays(ctx.today, -1));
  const from = maxDate(joined, ctx.windowStart);
  return {
    child,
    placements: care ? placements(ctx, rng, dob, care) : [],
    education: previousSchools,
    attainment: attainment(ctx, rng, yearNow, plan.sen),
    attendance: attendance(ctx, rng, plan.attendance, from, onRollTo),
    exclusions: plan.suspended ? suspensions(ctx, rng, plan.status, from, onRollTo) : [],
    voice: voice(ctx, rng, esw, keyAdult, from, onRollTo),
  };
}

// ---- who, where, when ------------------------------------------------------------------------

function pickLa(ctx: DemoContext, rng: Rng, status: 'CLA' | 'PLAC'): DemoLa {
  // Most children are the home LA's; CLA placed "out of area" by other LAs are common too.
  const home = status === 'PLAC' ? 80 : 45;
  const others = ctx.las.length > 1 ? (100 - home) / (ctx.las.length - 1) : 0;
  return rng.weighted(ctx.las.map((la, i) => [la, i === 0 ? home : others] as const));
}

function newUpn(ctx: DemoContext, rng: Rng, receptionYear: number): string {
  // Issued when the child first started school: by a (fictional) LA's primary school.
  for (;;) {
    const upn = makeUpn(rng.pick(ctx.las).template.code, rng.int(2000, 2999), receptionYear, rng.int(1, 999));
    if (!ctx.upns.has(upn)) {
      ctx.upns.add(upn);
      return upn;
    }
  }
}

function joining(
  ctx: DemoContext, rng: Rng, yearNow: number, receptionYear: number, plan: ChildPlan,
): { joined: string; previousSchools: ChildRows['education'] } {
  const secondary = yearNow >= 7;
  const sixthFormEntry = yearNow >= 12 && plan.leaver === 'none' && rng.chance(0.4);
  const entryYear = sixthFormEntry ? receptionYear + 12 : secondary ? receptionYear + 7 : receptionYear;
  const entry = firstDayOfYear(ctx, entryYear);
  // Year 11 leavers must have joined well before they left in July.
  const latest = plan.leaver === 'y11' ? addDays(lastDayOfYear(ctx.ayStart - 1), -60) : addDays(ctx.today, -40);
  // About a third join mid-year, usually because a placement moved.
  const midYear = !sixthFormEntry && rng.chance(0.35) && addDays(entry, 20) < latest;
  const joined = midYear ? ctx.days.onOrAfter(randomDate(rng, addDays(entry, 20), latest)) ?? entry : entry;

  const schools: ChildRows['education'] = [];
  const primary = rng.pick(PRIMARY_SCHOOLS);
  const urn = (name: string): string => String(990000 + ((name.length * 7919 + name.charCodeAt(0) * 131) % 9999)).padStart(6, '0');
  if (secondary) {
    schools.push({
      school_name: primary, school_urn: urn(primary), start_date: firstDayOfYear(ctx, receptionYear),
      end_date: lastDayOfYear(receptionYear + 6), reason_for_leaving: 'Transfer to secondary school',
    });
  }
  const reasonMoved = plan.status === 'PLAC' ? 'Moved area after leaving care' : rng.pick(['Placement move', 'Placement move', 'Managed move']);
  if (sixthFormEntry) {
    const sec = rng.pick(SECONDARY_SCHOOLS);
    schools.push({
      school_name: sec, school_urn: urn(sec), start_date: firstDayOfYear(ctx, receptionYear + 7),
      end_date: lastDayOfYear(receptionYear + 11), reason_for_leaving: 'Joined our sixth form',
    });
  } else if (midYear) {
    const prev = secondary ? rng.pick(SECONDARY_SCHOOLS) : rng.pick(PRIMARY_SCHOOLS.filter((s) => s !== primary));
    schools.push({
      school_name: prev, school_urn: urn(prev), start_date: entry,
      end_date: addDays(joined, -rng.int(1, 10)), reason_for_leaving: reasonMoved,
    });
  }
  return { joined, previousSchools: schools };
}

function leavingDate(
  ctx: DemoContext, rng: Rng, plan: ChildPlan, joined: string,
): { date: string; destination: string } | null {
  if (plan.leaver === 'y11') return { date: lastDayOfYear(ctx.ayStart - 1), destination: rng.pick(LEAVER_DESTINATIONS_Y11) };
  if (plan.leaver === 'moved') {
    const from = maxDate(addDays(joined, 30), ctx.windowStart);
    const to = addDays(ctx.today, -14);
    const date = from < to ? ctx.days.onOrAfter(randomDate(rng, from, to)) : null;
    if (date && date <= to) return { date, destination: rng.pick(LEAVER_DESTINATIONS_MOVE) };
    return { date: maxDate(joined, lastDayOfYear(ctx.ayStart - 1)), destination: rng.pick(LEAVER_DESTINATIONS_MOVE) };
  }
  return null;
}

interface Care {
  legalStatus: string;
  intoCare: string;
  socialWorker: ReturnType<typeof adultName>;
  iro: ReturnType<typeof adultName>;
}

function careDetails(ctx: DemoContext, rng: Rng, dob: string, la: DemoLa): Care {
  const legalStatus = rng.weighted(LEGAL_STATUS);
  const earliest = addDays(dob, 180);
  const latest = addDays(ctx.today, -45);
  const intoCare = legalStatus === 'V2' || legalStatus === 'J1'
    ? randomDate(rng, maxDate(earliest, addDays(ctx.today, -3 * 365)), latest)
    : legalStatus === 'E1'
      ? randomDate(rng, earliest, minDate(addDays(dob, 6 * 365), latest))
      : randomDate(rng, maxDate(earliest, addDays(ctx.today, -12 * 365)), latest);
  return { legalStatus, intoCare, socialWorker: rng.pick(la.socialWorkers), iro: rng.pick(la.iros) };
}

function placementType(rng: Rng, ageAtStart: number): string {
  if (ageAtStart < 10) return rng.weighted([['U6', 35], ['U4', 30], ['U3', 15], ['U1', 12], ['K2', 3], ['U5', 5]] as const);
  if (ageAtStart < 16) return rng.weighted([['U4', 30], ['U6', 25], ['K2', 20], ['U1', 10], ['U3', 7], ['S1', 3], ['K1', 1], ['Z1', 4]] as const);
  return rng.weighted([['U4', 25], ['H5', 20], ['K3', 20], ['K2', 15], ['U6', 10], ['P2', 10]] as const);
}

function carer(rng: Rng, type: string): { name: string | null; email: string | null; phone: string } {
  if (/^(K|S|H|R)/.test(type)) {
    const home = rng.pick(CHILDRENS_HOMES);
    return { name: `${home} (registered manager on duty)`, email: `${home.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`, phone: dramaPhone(rng) };
  }
  if (type === 'P2') return { name: null, email: null, phone: dramaPhone(rng) };
  const a = adultName(rng);
  if (type === 'U1' || type === 'U3') {
    const relation = rng.pick(['grandmother', 'aunt', 'uncle', 'family friend', 'older sibling']);
    return { name: `${a.full} (${relation})`, email: exampleEmail(a.first, a.last), phone: dramaPhone(rng) };
  }
  const couple = rng.chance(0.6);
  const surname = couple ? adultSurname(rng) : a.last;
  return {
    name: couple ? `Mr and Mrs ${surname}` : `${a.title} ${a.first} ${a.last}`,
    email: exampleEmail(a.first, surname),
    phone: dramaPhone(rng),
  };
}

function placements(ctx: DemoContext, rng: Rng, dob: string, care: Care): ChildRows['placements'] {
  const sinceCare = daysBetween(care.intoCare, ctx.today);
  const count = sinceCare < 365 ? rng.int(1, 2) : rng.weighted([[1, 30], [2, 35], [3, 20], [4, 15]] as const);
  const starts = [care.intoCare];
  for (let i = 1; i < count; i++) starts.push(randomDate(rng, addDays(care.intoCare, 14), addDays(ctx.today, -20)));
  starts.sort();
  return starts.map((start, i) => {
    const last = i === starts.length - 1;
    // A child with a placement order is usually placed for adoption by the last move.
    const type = last && care.legalStatus === 'E1' ? rng.pick(['A4', 'A6', 'U5']) : placementType(rng, age(dob, start));
    const c = carer(rng, type);
    return {
      placement_type: type, carer_name: c.name, carer_phone: c.phone, carer_email: c.email,
      start_date: start, end_date: last ? null : starts[i + 1]!,
      notes: rng.chance(0.25) ? rng.pick(PLACEMENT_NOTES) : null,
    };
  });
}

function senDetails(ctx: DemoContext, rng: Rng, sen: ChildPlan['sen']): { need: string | null; review: string | null } {
  if (sen === 'N') return { need: null, review: null };
  if (sen === 'K') return { need: rng.weighted(NEED_K), review: null };
  // Annual reviews fall through the year; a few are already overdue.
  return { need: rng.weighted(NEED_E), review: randomDate(rng, addDays(ctx.today, -40), addDays(ctx.today, 330)) };
}

// ---- attainment ------------------------------------------------------------------------------

function attainment(ctx: DemoContext, rng: Rng, yearNow: number, sen: ChildPlan['sen']): ChildRows['attainment'] {
  const out: ChildRows['attainment'] = [];
  const ability = rng.normal(0, 1) - (sen === 'E' ? 1 : sen === 'K' ? 0.5 : 0);
  if (yearNow >= 7 && !rng.chance(0.05)) {
    const ks2Year = ctx.ayStart - yearNow + 7; // the summer of Year 6
    const on = onOrAfter(iso(ks2Year, 7, 5), 2); // results come back in early July (a Tuesday)
    if (ks2Year === 2020 || ks2Year === 2021) {
      for (const subject of ['Reading', 'Maths']) {
        out.push({ measure: 'KS2', subject, result: 'Not assessed', result_num: null, assessed_on: null, notes: 'KS2 tests were cancelled in 2020 and 2021 (COVID-19).' });
      }
    } else {
      for (const subject of ['Reading', 'Maths']) {
        const score = clamp(Math.round(99 + 8 * ability + rng.normal(0, 4)), 80, 120);
        out.push({ measure: 'KS2', subject, result: String(score), result_num: score, assessed_on: on, notes: null });
      }
    }
  }
  if (yearNow >= 12) {
    const gcseYear = ctx.ayStart - yearNow + 12;
    const on = onOrAfter(iso(gcseYear, 8, 20), 4); // GCSE results day: a Thursday in late August
    for (const subject of ['English Language', 'Maths']) {
      const grade = clamp(Math.round(4.2 + 1.8 * ability + rng.normal(0, 0.8)), 1, 9);
      out.push({ measure: 'GCSE', subject, result: String(grade), result_num: grade, assessed_on: on, notes: null });
    }
  }
  return out;
}

// ---- events in the register's window -----------------------------------------------------------

function attendance(ctx: DemoContext, rng: Rng, band: ChildPlan['attendance'], from: string, to: string): ChildRows['attendance'] {
  const base = band === 'below85' ? 0.7 + rng.float() * 0.13 : band === 'below90' ? 0.855 + rng.float() * 0.035 : 0.925 + rng.float() * 0.07;
  const out: ChildRows['attendance'] = [];
  for (const year of ctx.years) {
    for (const p of halfTerms(year)) {
      const days = ctx.days.between(maxDate(p.start, from), minDate(p.end, to));
      const partial = p.end >= ctx.today;
      if (days.length < (partial ? 5 : 3)) continue;
      const possible = days.length * 2;
      const rate = clamp(base + rng.normal(0, 0.02), 0.3, 1);
      const present = Math.round(possible * rate);
      const absent = possible - present;
      // Lower attenders have more unauthorised absence.
      const unauthorised = Math.round(absent * (band === 'good' ? rng.float() * 0.3 : 0.2 + rng.float() * 0.5));
      out.push({
        period_start: days[0]!, period_end: days[days.length - 1]!, possible_sessions: possible,
        present_sessions: present, authorised_absence: absent - unauthorised, unauthorised_absence: unauthorised, source: 'demo',
      });
    }
  }
  return out;
}

function suspensions(ctx: DemoContext, rng: Rng, status: 'CLA' | 'PLAC', from: string, to: string): ChildRows['exclusions'] {
  const days = ctx.days.between(from, to);
  if (days.length < 10) return [];
  const starts = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(days)))].sort();
  const out: ChildRows['exclusions'] = [];
  for (const start of starts) {
    const length = rng.pick([0.5, 1, 1, 2, 2, 3, 5]);
    const end = ctx.days.plus(start, Math.ceil(length) - 1);
    if (!end) continue;
    const returnDay = ctx.days.plus(start, Math.ceil(length));
    const informed = rng.weighted([['same', 80], ['next', 10], ['never', 10]] as const);
    out.push({
      kind: 'SUSP', start_date: start, end_date: end, school_days: length,
      reason: rng.pick(SUSPENSION_REASONS),
      vs_informed_on: informed === 'same' ? start : informed === 'next' ? ctx.days.plus(start, 1) : null,
      social_worker_informed_on: status === 'CLA' && rng.chance(0.9) ? start : null,
      // Paperwork to parents/carers, VS and social worker is due within 48 hours.
      paperwork_sent_on: minDate(addDays(start, rng.int(0, 2)), addDays(ctx.today, -1)),
      reintegration_meeting_on: returnDay && returnDay < ctx.today && rng.chance(0.85) ? returnDay : null,
    });
  }
  return out;
}

function voice(ctx: DemoContext, rng: Rng, esw: string | null, keyAdult: string, from: string, to: string): ChildRows['voice'] {
  const out: ChildRows['voice'] = [];
  if (esw) {
    // ESW sessions every three to six weeks in term time (the target is at least every four).
    let d = ctx.days.onOrAfter(addDays(from, rng.int(5, 20)));
    while (d && d <= to) {
      const concern = rng.chance(0.3) ? rng.pick(CONCERNS) : null;
      out.push({
        held_on: d, kind: 'esw_session', staff_name: esw, wishes_feelings: rng.pick(WISHES), concerns: concern,
        actions: concern || rng.chance(0.2) ? rng.pick(ACTIONS) : null,
      });
      d = ctx.days.onOrAfter(addDays(d, rng.int(21, 42)));
    }
  }
  // Now and then a recorded conversation with the key adult.
  for (const year of ctx.years) {
    for (const term of year.terms) {
      if (!rng.chance(0.4)) continue;
      const day = ctx.days.onOrAfter(randomDate(rng, term.startDate, term.endDate));
      if (!day || day < from || day > to) continue;
      out.push({ held_on: day, kind: 'conversation', staff_name: keyAdult, wishes_feelings: rng.pick(WISHES), concerns: null, actions: null });
    }
  }
  return out.sort((a, b) => a.held_on.localeCompare(b.held_on));
}
