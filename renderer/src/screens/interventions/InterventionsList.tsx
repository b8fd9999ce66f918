// Every child's interventions in one table, filtered on the register side (listInterventions), with
// totals for the rows shown: cost and the PP+ part of it, sessions attended, and impact.

import { Button, Checkbox, Field, Select, Text, mergeClasses } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import {
  FUNDING_SOURCES, IMPACT_RATINGS, INTERVENTION_KINDS, type FundingSource, type ImpactRating, type Intervention, type InterventionKind,
} from '../../api/contract.ts';
import { useChildren } from '../../api/queries.ts';
import { SavedNote } from '../../components/FormAlert.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { useProviders, useSubjects } from '../progress/queries.ts';
import { LoadFailed, Loading, StatTile, pct, plural, pounds, poundsWhole, takeFlash, todayIso, useUi, yearGroupLabel } from '../dashboard/ui.tsx';
import { AreaHeader, FundingBadge, ImpactBadge, StateBadge, deliveredByText, interventionTitle } from './common.tsx';
import { useInterventions, type InterventionFilter } from './queries.ts';
import { go, interventionsHref } from './route.ts';

interface Filters {
  kind: '' | InterventionKind;
  /** '' all, 'school' in school only, or a provider id. */
  provider: string;
  subject: string;
  funding: '' | FundingSource;
  state: '' | 'planned' | 'active' | 'ended';
  impact: '' | ImpactRating;
  year: string;
  includeLeavers: boolean;
}

const NO_FILTERS: Filters = { kind: '', provider: '', subject: '', funding: '', state: '', impact: '', year: '', includeLeavers: false };
let remembered: Filters = NO_FILTERS;

/** '2026-27' for a date in April 2026 to March 2027. */
export function financialYearOf(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const start = Number(iso.slice(5, 7)) >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

function toApi(f: Filters, childId: number | null): InterventionFilter {
  const out: InterventionFilter = {};
  if (childId) out.childId = childId;
  if (f.kind) out.kind = f.kind;
  if (f.provider === 'school') out.inSchoolOnly = true;
  else if (f.provider) out.providerId = Number(f.provider);
  if (f.subject) out.subjectId = Number(f.subject);
  if (f.funding) out.fundingSource = f.funding;
  if (f.state) out.state = f.state;
  if (f.impact) out.impactRating = f.impact;
  if (f.year) out.financialYear = f.year;
  if (f.includeLeavers) out.includeLeavers = true;
  return out;
}

export function InterventionsList({ childId }: { childId: number | null }) {
  const ui = useUi();
  const [filters, setFiltersState] = useState<Filters>(remembered);
  const [note] = useState(() => takeFlash());
  const setFilters = (f: Filters) => {
    remembered = f;
    setFiltersState(f);
  };
  const list = useInterventions(toApi(filters, childId));
  const children = useChildren('current');
  const providers = useProviders();
  const subjects = useSubjects();
  const thisYear = financialYearOf(todayIso());
  const years = useMemo(() => {
    const start = Number(thisYear.slice(0, 4));
    return [0, 1, 2, 3].map((k) => `${start - k}-${String((start - k + 1) % 100).padStart(2, '0')}`);
  }, [thisYear]);
  const childOptions = useMemo(() => [...(children.data?.rows ?? [])]
    .sort((a, b) => a.legalLastName.localeCompare(b.legalLastName, 'en-GB') || a.legalFirstName.localeCompare(b.legalFirstName, 'en-GB')), [children.data]);
  const filtering = childId !== null || JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const t = list.data?.totals;
  const rated = t ? t.count - t.byImpact.not_assessed : 0;
  const goodOrBetter = t ? t.byImpact.good_impact + t.byImpact.strong_impact : 0;

  return (
    <div className={ui.page}>
      <AreaHeader current="list" />
      <SavedNote message={note} />
      <div className={ui.toolbar}>
        <Button appearance="primary" as="a" href={interventionsHref.add(childId)}>Add an intervention</Button>
        <Button as="a" href={interventionsHref.today()}>Record today&rsquo;s sessions</Button>
      </div>

      <div role="search" aria-label="Filter interventions" className={ui.filters}>
        <FilterSelect label="Child" value={childId ? String(childId) : ''} onChange={(v) => go(interventionsHref.list(v ? Number(v) : null))}>
          <option value="">All children</option>
          {childOptions.map((c) => <option key={c.id} value={c.id}>{c.legalLastName}, {c.preferredName || c.legalFirstName}</option>)}
        </FilterSelect>
        <FilterSelect label="Type" value={filters.kind} onChange={(v) => setFilters({ ...filters, kind: v as Filters['kind'] })}>
          <option value="">All types</option>
          {Object.entries(INTERVENTION_KINDS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </FilterSelect>
        <FilterSelect label="Provider" value={filters.provider} onChange={(v) => setFilters({ ...filters, provider: v })}>
          <option value="">All providers</option>
          <option value="school">Delivered in school</option>
          {(providers.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </FilterSelect>
        <FilterSelect label="Subject" value={filters.subject} onChange={(v) => setFilters({ ...filters, subject: v })}>
          <option value="">All subjects</option>
          {(subjects.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </FilterSelect>
        <FilterSelect label="Funding" value={filters.funding} onChange={(v) => setFilters({ ...filters, funding: v as Filters['funding'] })}>
          <option value="">All funding</option>
          {Object.entries(FUNDING_SOURCES).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </FilterSelect>
        <FilterSelect label="Running" value={filters.state} onChange={(v) => setFilters({ ...filters, state: v as Filters['state'] })}>
          <option value="">Any</option>
          <option value="active">Running now</option>
          <option value="planned">Not started yet</option>
          <option value="ended">Ended</option>
        </FilterSelect>
        <FilterSelect label="Impact" value={filters.impact} onChange={(v) => setFilters({ ...filters, impact: v as Filters['impact'] })}>
          <option value="">Any impact</option>
          {Object.entries(IMPACT_RATINGS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </FilterSelect>
        <FilterSelect label="Financial year started" value={filters.year} onChange={(v) => setFilters({ ...filters, year: v })}>
          <option value="">Any year</option>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </FilterSelect>
        <Checkbox label="Include leavers" checked={filters.includeLeavers} onChange={(_e, d) => setFilters({ ...filters, includeLeavers: d.checked === true })} />
        <Button onClick={() => { setFilters(NO_FILTERS); if (childId) go(interventionsHref.list()); }} disabled={!filtering}>Clear filters</Button>
      </div>

      {list.isPending ? <Loading what="interventions" /> : list.error ? <LoadFailed what="interventions" error={list.error} /> : (
        <>
          <div className={ui.tiles} data-testid="intervention-totals">
            <StatTile label="Interventions" value={t!.count} detail={`${t!.byFunding.pp_plus.count} PP+, ${t!.byFunding.school.count} school, ${t!.byFunding.virtual_school.count} Virtual School`} tone="brand" />
            <StatTile label="Total cost" value={poundsWhole(t!.costPence)} detail={`${pounds(t!.ppPlusCostPence)} from PP+`} testId="total-cost" />
            <StatTile label="Sessions attended" value={pct(t!.attendanceRate)}
              detail={`${t!.sessionsAttended} of ${t!.sessionsRecorded} recorded (${t!.sessionsPlanned} planned)`} />
            <StatTile label="Good or strong impact" value={rated ? `${goodOrBetter} of ${rated}` : '—'}
              detail={`${plural(t!.byImpact.not_assessed, 'intervention')} not assessed yet`} tone={rated && goodOrBetter / rated >= 0.5 ? 'good' : undefined} />
          </div>
          <Text role="status" aria-live="polite" data-testid="interventions-count">
            {filtering ? `Showing ${plural(list.data.rows.length, 'intervention')} matching the filters` : plural(list.data.rows.length, 'intervention')}
          </Text>
          {list.data.rows.length === 0 ? (
            <Text className={ui.muted}>{filtering ? 'No interventions match these filters.' : 'No interventions recorded yet. Add one to track its sessions, cost and impact.'}</Text>
          ) : <InterventionsTable rows={list.data.rows} />}
        </>
      )}
    </div>
  );
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  const ui = useUi();
  return (
    <Field label={label}>
      <Select className={ui.control} value={value} onChange={(_e, d) => onChange(d.value)}>{children}</Select>
    </Field>
  );
}

function InterventionsTable({ rows }: { rows: Intervention[] }) {
  const ui = useUi();
  return (
    <div className={ui.tableWrap}>
      <table className={ui.table} aria-label="Interventions">
        <thead>
          <tr>
            <th className={ui.th} scope="col">Child</th>
            <th className={ui.th} scope="col">Intervention</th>
            <th className={ui.th} scope="col">Delivered by</th>
            <th className={ui.th} scope="col">Dates</th>
            <th className={mergeClasses(ui.th, ui.num)} scope="col">Sessions</th>
            <th className={mergeClasses(ui.th, ui.num)} scope="col">Cost</th>
            <th className={ui.th} scope="col">Impact</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="intervention-row" data-intervention-id={r.id}>
              <td className={mergeClasses(ui.td, ui.nowrap)}>
                <div>{r.childName}</div>
                <div className={ui.small}>{yearGroupLabel(r.yearGroup)}</div>
              </td>
              <td className={ui.td}>
                <a className={ui.link} href={interventionsHref.detail(r.id)}>{interventionTitle(r)}</a>
              </td>
              <td className={ui.td}>{deliveredByText(r)}{r.providerName ? <div className={ui.small}>External provider</div> : null}</td>
              <td className={ui.td}>
                <div className={ui.nowrap}>{formatUkDate(r.startDate)} – {r.endDate ? formatUkDate(r.endDate) : 'open'}</div>
                <StateBadge state={r.state} />
              </td>
              <td className={mergeClasses(ui.td, ui.num)}>
                <div>{r.sessionsAttended} / {r.sessionsRecorded}<span className={ui.small}> of {r.sessionsPlanned}</span></div>
                <div className={ui.small}>{r.attendanceRate === null ? 'none recorded' : `${pct(r.attendanceRate)} attended`}</div>
              </td>
              <td className={mergeClasses(ui.td, ui.num)}>
                <div>{pounds(r.costPence)}</div>
                <FundingBadge source={r.fundingSource} />
              </td>
              <td className={mergeClasses(ui.td, ui.nowrap)}><ImpactBadge rating={r.impactRating} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
