// Demo data for the survey and the governors' report: deterministic from the seed, fictitious
// (staff by role, no personal names), and enough of everything for every part of the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFixture, demoRegister } from './fixture.ts';

const TABLES = ['survey_questions', 'survey_responses', 'survey_answers', 'report_years', 'report_school_figures', 'report_benchmarks', 'report_training', 'report_narratives'];
const dump = (f: DemoFixture) => Object.fromEntries(TABLES.map((t) => [t, f.register.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()
  .map((r) => ({ ...(r as object), created_at: undefined, updated_at: undefined }))]));

let a: DemoFixture;
let b: DemoFixture;

beforeAll(async () => {
  a = await demoRegister({ seed: 7 });
  b = await demoRegister({ seed: 7 });
});

afterAll(() => {
  a.close();
  b.close();
});

describe('survey and report demo data', () => {
  it('is reproducible from the seed', async () => {
    expect(dump(a)).toEqual(dump(b));
    const c = await demoRegister({ seed: 8 });
    try {
      expect(dump(c).survey_answers).not.toEqual(dump(a).survey_answers);
    } finally {
      c.close();
    }
  });

  it('covers every year so far: responses, figures, training, narrative; benchmarks confirmed for past years only', () => {
    const per = (sql: string) => a.register.sqlite.prepare(sql).all() as { label: string; n: number }[];
    const years = (a.register.sqlite.prepare('SELECT label FROM academic_years ORDER BY start_date').pluck().all() as string[]);
    const count = (table: string) => new Map(per(`SELECT y.label, count(t.id) AS n FROM academic_years y LEFT JOIN ${table} t ON t.academic_year_id = y.id GROUP BY y.id`).map((r) => [r.label, r.n]));
    for (const t of ['survey_responses', 'report_school_figures', 'report_training', 'report_narratives']) {
      for (const y of years) expect(count(t).get(y), `${t} ${y}`).toBeGreaterThan(0);
    }
    const bench = count('report_benchmarks');
    expect(years.slice(0, -1).every((y) => bench.get(y)! > 0)).toBe(true);
    expect(bench.get(years.at(-1)!)).toBe(0);
    // Every answer is valid for its question (the service's own rules).
    const bad = a.register.sqlite.prepare(`SELECT count(*) FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id
      WHERE (q.answer_type = 'scale') <> (a.scale_value IS NOT NULL) OR (q.answer_type = 'choice') <> (a.choices IS NOT NULL)`).pluck().get();
    expect(bad).toBe(0);
  });
});
