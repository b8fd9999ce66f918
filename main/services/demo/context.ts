// Shared inputs for the parts of the demo generator: the dates, calendar and people every child
// draws on. Built once per run from the options, so each part stays a pure function of it.

import type { Insertable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { SchoolDays, DemoYear } from './calendar.ts';
import type { LaTemplate } from './lists.ts';
import type { Adult } from './names.ts';

export type Row<T extends keyof DB> = Insertable<DB[T]>;

export interface DemoLa {
  id: number;
  template: LaTemplate;
  socialWorkers: Adult[];
  iros: Adult[];
}

export interface DemoContext {
  today: string;
  /** Calendar year the current academic year started in. */
  ayStart: number;
  /** The academic years written to the register, oldest first; the last is the current one. */
  years: DemoYear[];
  windowStart: string;
  /** School days over a longer span than `years`, so histories before the window have real dates. */
  days: SchoolDays;
  las: DemoLa[];
  keyAdults: string[];
  esws: string[];
  /** UPNs handed out so far: they are unique in the register. */
  upns: Set<string>;
  /** Timestamp used for created_at/updated_at, derived from `today` so runs are reproducible. */
  stamp: string;
}
