// The school itself, its calendar and the local authorities it works with.

import { addDays, isWeekday } from './dates.ts';
import type { DemoContext, DemoLa, Row } from './context.ts';
import type { DemoYear } from './calendar.ts';
import { EPEP_SYSTEMS, LOCAL_AUTHORITIES, PLACE_NAMES, PPPLUS_CONDITIONS, QA_SCALES, STREETS } from './lists.ts';
import { type Adult, distinctAdults, dramaPhone, exampleEmail } from './names.ts';
import type { Rng } from './prng.ts';

/** PP+ per looked-after child per year (DfE conditions of grant 2024-25): £2,570, in pence. */
export const PPPLUS_PENCE_PER_YEAR = 2570_00;

export interface SchoolUpdate {
  name: string;
  urn: string;
  headteacher: string;
  designated_governor: string;
  deputy_dt_name: string;
  address: string;
  phone: string;
  email: string;
}

export interface Staff {
  school: SchoolUpdate;
  keyAdults: string[];
  esws: string[];
  /** Names used so far, so LA officers do not share a name with school staff. */
  used: Set<string>;
}

export function makeStaff(rng: Rng): Staff {
  const used = new Set<string>();
  const [head, governor, sendco, ...rest] = distinctAdults(rng, 9, used) as [Adult, Adult, Adult, ...Adult[]];
  const place = rng.pick(PLACE_NAMES);
  const titled = (a: Adult): string => `${a.title} ${a.first} ${a.last}`;
  return {
    school: {
      // "(fictitious)" stays in the name so every PDF made from demo data says so on its header.
      name: `${place} Academy (fictitious)`,
      // Real URNs are six digits below about 160000; 99xxxx is unused.
      urn: String(rng.int(990000, 999999)),
      headteacher: titled(head),
      designated_governor: titled(governor),
      deputy_dt_name: titled(sendco),
      address: `${rng.int(1, 120)} ${rng.pick(STREETS)}, ${place}`,
      phone: dramaPhone(rng),
      email: `office.${place.toLowerCase().replace(/[^a-z]+/g, '')}@example.org`,
    },
    keyAdults: rest.slice(0, 4).map(titled),
    esws: rest.slice(4, 6).map((a) => a.full),
    used,
  };
}

export function makeLas(rng: Rng, used: Set<string>): DemoLa[] {
  const count = rng.int(3, 5);
  const [home, ...others] = LOCAL_AUTHORITIES;
  const chosen = [home!, ...rng.shuffle(others).slice(0, count - 1)];
  return chosen.map((template, i) => ({
    id: i + 1,
    template,
    socialWorkers: distinctAdults(rng, 3, used),
    iros: distinctAdults(rng, 2, used),
  }));
}

export function laRows(ctx: DemoContext, rng: Rng): {
  las: Row<'local_authorities'>[]; contacts: Row<'la_contacts'>[]; deadlines: Row<'la_pep_deadlines'>[];
} {
  const las: Row<'local_authorities'>[] = [];
  const contacts: Row<'la_contacts'>[] = [];
  const deadlines: Row<'la_pep_deadlines'>[] = [];
  const used = new Set<string>(ctx.las.flatMap((l) => [...l.socialWorkers, ...l.iros].map((a) => a.full)));
  for (const la of ctx.las) {
    const t = la.template;
    const [vsh, ...officers] = distinctAdults(rng, 4, used) as [Adult, ...Adult[]];
    las.push({
      id: la.id,
      name: t.name,
      la_code: String(t.code),
      vsh_name: `${vsh.first} ${vsh.last}`,
      vs_email: `virtualschool.${t.short}@example.org`,
      vs_phone: dramaPhone(rng),
      vs_address: `Virtual School, ${t.town} Civic Centre, ${t.town}`,
      epep_system: rng.pick(EPEP_SYSTEMS),
      initial_pep_school_days: 20,
      new_school_pep_school_days: rng.pick([20, 20, 15]),
      pep_review_frequency: 'termly',
      ppplus_pence_per_year: PPPLUS_PENCE_PER_YEAR,
      ppplus_payment: rng.weighted([['termly', 60], ['annual', 25], ['on_request', 15]] as const),
      ppplus_conditions: rng.pick(PPPLUS_CONDITIONS),
      qa_scale: rng.pick(QA_SCALES),
      pep_filename_pattern: null,
      created_at: `${ctx.windowStart}T09:00:00.000Z`,
      updated_at: ctx.stamp,
    });
    contacts.push({ la_id: la.id, name: `${vsh.first} ${vsh.last}`, role: 'Virtual School Head', email: exampleEmail(vsh.first, vsh.last, t.short), phone: dramaPhone(rng) });
    const roles = ['PEP coordinator', 'Education adviser', 'PP+ and finance officer'];
    for (const [i, a] of officers.slice(0, rng.int(1, 3)).entries()) {
      contacts.push({ la_id: la.id, name: `${a.first} ${a.last}`, role: roles[i]!, email: exampleEmail(a.first, a.last, t.short), phone: dramaPhone(rng) });
    }
    // Each VS sets its own termly PEP cut-offs, a week or two before the end of term.
    const before = rng.int(5, 14);
    for (const [yi, year] of ctx.years.entries()) {
      for (const term of year.terms) {
        deadlines.push({ la_id: la.id, academic_year_id: yi + 1, term: term.name, cutoff_date: weekdayOnOrBefore(addDays(term.endDate, -before)) });
      }
    }
  }
  return { las, contacts, deadlines };
}

function weekdayOnOrBefore(date: string): string {
  let d = date;
  while (!isWeekday(d)) d = addDays(d, -1);
  return d;
}

export function calendarRows(years: DemoYear[]): {
  years: Row<'academic_years'>[]; terms: Row<'terms'>[]; closures: Row<'calendar_closures'>[];
} {
  return {
    years: years.map((y, i) => ({ id: i + 1, label: y.label, start_date: y.startDate, end_date: y.endDate })),
    terms: years.flatMap((y, i) => y.terms.map((t) => ({
      academic_year_id: i + 1, name: t.name, start_date: t.startDate, end_date: t.endDate,
      half_term_start: t.halfTermStart, half_term_end: t.halfTermEnd,
    }))),
    closures: years.flatMap((y, i) => y.closures.map((c) => ({ academic_year_id: i + 1, date: c.date, kind: c.kind, description: c.description }))),
  };
}
