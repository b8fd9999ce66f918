// The DT's risk register: headline counts, the 5×5 heat map, the list with filters, and each risk's
// page with its review history. Adding (from a template or blank), editing and reviewing are dialogs.

import { Badge, Button, Checkbox, Field, Link, Select, Text, mergeClasses } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { RISK_CATEGORIES, RISK_STATUSES, type Risk, type RiskCategory, type RiskDetail } from '../../api/contract.ts';
import { useStaleModalGuard } from '../../app/useStaleModalGuard.ts';
import { errorMessage } from '../../api/errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { useRegisterChange } from '../dashboard/queries.ts';
import { Details, LoadFailed, Loading, Section, StatTile, setFlash, takeFlash, useUi } from '../dashboard/ui.tsx';
import { BAND_LABEL, BandBadge, ReviewBadge, Trend, impactText, likelihoodText } from './common.tsx';
import { HeatMap } from './HeatMap.tsx';
import { useHeatMap, useRisk, useRisks, type RiskFilter } from './queries.ts';
import { AddRiskDialog, ReviewDialog, RiskFormDialog } from './RiskDialogs.tsx';
import { go, risksHref, useRisksRoute } from './route.ts';

export function RisksArea() {
  const route = useRisksRoute();
  useStaleModalGuard(JSON.stringify(route));
  if (route.kind === 'detail') return <RiskScreen key={route.id} id={route.id} review={route.review} />;
  return <RiskRegister />;
}

// ---- the register ------------------------------------------------------------------------------------

interface Filters { status: NonNullable<RiskFilter['status']>; category: '' | RiskCategory; band: '' | NonNullable<RiskFilter['band']>; due: boolean }
const NO_FILTERS: Filters = { status: 'active', category: '', band: '', due: false };
let remembered = NO_FILTERS;

function RiskRegister() {
  const ui = useUi();
  const [filters, setFiltersState] = useState<Filters>(remembered);
  const setFilters = (f: Filters) => {
    remembered = f;
    setFiltersState(f);
  };
  const apiFilter: RiskFilter = { status: filters.status, ...(filters.category ? { category: filters.category } : {}), ...(filters.band ? { band: filters.band } : {}), ...(filters.due ? { dueForReview: true } : {}) };
  const list = useRisks(apiFilter);
  const all = useRisks({ status: 'all' });
  const map = useHeatMap();
  const [dialog, setDialog] = useState<'add' | 'blank' | null>(null);
  const [note, setNote] = useState<string | null>(() => takeFlash());
  const counts = all.data?.counts;
  const saved = (message: string, risk: RiskDetail) => {
    setFlash(message);
    go(risksHref.detail(risk.id));
  };
  return (
    <div className={ui.page}>
      <Heading focusOnMount>Risks</Heading>
      <Text>The Designated Teacher&rsquo;s programme risks, scored likelihood × impact (1 to 5 each), with owners, mitigations and regular reviews.</Text>
      <div className={ui.toolbar}>
        <Button appearance="primary" onClick={() => setDialog('add')}>Add a risk</Button>
      </div>
      <SavedNote message={note} />
      {counts ? (
        <div className={ui.tiles} data-testid="risk-counts">
          <StatTile label="Open" value={counts.open} tone="brand" detail={`${counts.monitoring} monitoring, ${counts.closed} closed`} />
          <StatTile label="Due for review" value={counts.dueForReview} tone={counts.dueForReview ? 'warning' : 'good'} detail="Overdue or due soon" />
          <StatTile label="High or very high" value={counts.byBand.high + counts.byBand.very_high} tone={counts.byBand.very_high ? 'urgent' : counts.byBand.high ? 'warning' : 'good'}
            detail={`${counts.byBand.medium} medium, ${counts.byBand.low} low`} />
        </div>
      ) : null}

      <Section title="Heat map" testId="heat-map-section">
        {map.isPending ? <Loading what="heat map" /> : map.error ? <LoadFailed what="heat map" error={map.error} /> : <HeatMap map={map.data} />}
      </Section>

      <Section title="Register">
        <div role="search" aria-label="Filter risks" className={ui.toolbar}>
          <FilterSelect label="Status" value={filters.status} onChange={(v) => setFilters({ ...filters, status: v as Filters['status'] })}>
            <option value="active">Open and monitoring</option>
            <option value="open">Open</option>
            <option value="monitoring">Monitoring</option>
            <option value="closed">Closed</option>
            <option value="all">All</option>
          </FilterSelect>
          <FilterSelect label="Category" value={filters.category} onChange={(v) => setFilters({ ...filters, category: v as Filters['category'] })}>
            <option value="">All categories</option>
            {Object.entries(RISK_CATEGORIES).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </FilterSelect>
          <FilterSelect label="Band" value={filters.band} onChange={(v) => setFilters({ ...filters, band: v as Filters['band'] })}>
            <option value="">All bands</option>
            {(['very_high', 'high', 'medium', 'low'] as const).map((b) => <option key={b} value={b}>{BAND_LABEL[b]}</option>)}
          </FilterSelect>
          <Checkbox label="Due for review only" checked={filters.due} onChange={(_e, d) => setFilters({ ...filters, due: d.checked === true })} />
        </div>
        {list.isPending ? <Loading what="risks" /> : list.error ? <LoadFailed what="risks" error={list.error} /> : (
          list.data.rows.length === 0 ? <Text className={ui.muted}>No risks match these filters.</Text> : <RiskTable rows={list.data.rows} />
        )}
      </Section>

      {dialog === 'add' ? <AddRiskDialog onClose={() => setDialog((d) => (d === 'add' ? null : d))} onSaved={saved} onBlank={() => setDialog('blank')} /> : null}
      {dialog === 'blank' ? <RiskFormDialog risk={null} onClose={() => setDialog(null)} onSaved={(m, r) => { setNote(null); saved(m, r); }} /> : null}
    </div>
  );
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <Field label={label} style={{ minWidth: 190 }}>
      <Select value={value} onChange={(_e, d) => onChange(d.value)}>{children}</Select>
    </Field>
  );
}

function RiskTable({ rows }: { rows: Risk[] }) {
  const ui = useUi();
  return (
    <div className={ui.plainWrap}>
      <table className={ui.table} aria-label="Risks">
        <thead>
          <tr>
            <th className={ui.th} scope="col">Risk</th>
            <th className={ui.th} scope="col">Score</th>
            <th className={ui.th} scope="col">Owner</th>
            <th className={ui.th} scope="col">Next review</th>
            <th className={ui.th} scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="risk-row" data-risk-id={r.id}>
              <td className={ui.td}>
                <a className={ui.link} href={risksHref.detail(r.id)}>{r.title}</a>
                <div className={ui.small}>{r.categoryLabel}</div>
              </td>
              <td className={mergeClasses(ui.td, ui.nowrap)}>
                <BandBadge band={r.band} score={r.score} /> <Trend score={r.score} previous={r.previousScore} />
                <div className={ui.small}>L{r.likelihood} × I{r.impact}</div>
              </td>
              <td className={ui.td}>{r.owner ?? <span className={ui.muted}>No owner</span>}</td>
              <td className={mergeClasses(ui.td, ui.nowrap)}>
                <div>{formatUkDate(r.nextReviewDate)}</div>
                {r.status !== 'closed' ? <ReviewBadge state={r.reviewState} daysOverdue={r.daysOverdue} /> : null}
              </td>
              <td className={ui.td}>{RISK_STATUSES[r.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---- one risk ------------------------------------------------------------------------------------------

function RiskScreen({ id, review }: { id: number; review: boolean }) {
  const ui = useUi();
  const q = useRisk(id);
  if (q.isPending) return <div className={ui.page}><Loading what="risk" /></div>;
  if (q.error) {
    return (
      <div className={ui.page}>
        <Heading focusOnMount>Risk not found</Heading>
        <LoadFailed what="risk" error={q.error} />
        <Link href={risksHref.list()}>Back to the risk register</Link>
      </div>
    );
  }
  return <RiskView risk={q.data} openReview={review} />;
}

function RiskView({ risk: r, openReview }: { risk: RiskDetail; openReview: boolean }) {
  const ui = useUi();
  const run = useRegisterChange();
  const [note, setNote] = useState<string | null>(() => takeFlash());
  const [failure, setFailure] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'review' | 'edit' | 'delete' | null>(openReview ? 'review' : null);
  const [deleting, setDeleting] = useState(false);
  const closeDialog = () => {
    setDialog(null);
    // #/risks/5/review opened the form; once it closes, the address is the risk's own.
    if (location.hash.endsWith('/review')) history.replaceState(null, '', risksHref.detail(r.id));
  };
  const remove = async () => {
    setDeleting(true);
    try {
      await run('deleteRisk', { id: r.id });
      setFlash(`The risk "${r.title}" and its review history have been deleted.`);
      go(risksHref.list());
    } catch (e) {
      setFailure(errorMessage(e));
      setDeleting(false);
      setDialog(null);
    }
  };
  return (
    <div className={ui.page}>
      <Link href={risksHref.list()} className={ui.back}>‹ Risk register</Link>
      <div className={ui.cardHeader}>
        <div className={ui.stack} style={{ gap: 4 }}>
          <Heading focusOnMount>{r.title}</Heading>
          <div className={ui.actions}>
            <BandBadge band={r.band} score={r.score} />
            <Badge appearance="outline" shape="rounded" color="informative">{r.categoryLabel}</Badge>
            <Badge appearance="outline" shape="rounded" color={r.status === 'closed' ? 'subtle' : 'brand'}>{RISK_STATUSES[r.status]}</Badge>
            {r.status !== 'closed' ? <ReviewBadge state={r.reviewState} daysOverdue={r.daysOverdue} /> : null}
          </div>
        </div>
        <div className={ui.actions}>
          <Button appearance="primary" onClick={() => setDialog('review')}>Review</Button>
          <Button onClick={() => setDialog('edit')}>Edit</Button>
          <Button appearance="subtle" onClick={() => setDialog('delete')}>Delete</Button>
        </div>
      </div>
      <SavedNote message={note} />
      <FormAlert messages={failure} />
      <div className={ui.tiles}>
        <StatTile label="Score" value={<span data-testid="risk-score">{r.score}</span>} detail={`${likelihoodText(r.likelihood)} × ${impactText(r.impact)} · ${BAND_LABEL[r.band]}`}
          tone={r.band === 'very_high' ? 'urgent' : r.band === 'high' ? 'warning' : r.band === 'low' ? 'good' : 'brand'} />
        <StatTile label="Next review" value={formatUkDate(r.nextReviewDate)} tone={r.reviewState === 'overdue' ? 'urgent' : r.reviewState === 'due_soon' ? 'warning' : undefined}
          detail={r.reviewState === 'overdue' ? `${r.daysOverdue} days overdue` : `Every ${r.reviewEveryDays} days`} />
        <StatTile label="Last reviewed" value={r.lastReviewedOn ? formatUkDate(r.lastReviewedOn) : 'Never'} detail={`${r.reviews} ${r.reviews === 1 ? 'review' : 'reviews'} recorded`} />
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))', gap: 16, alignItems: 'start' }}>
        <Section title="The risk">
          <Details items={[
            ['Category', r.categoryLabel],
            ['Description', r.description],
            ['Owner', r.owner],
            ['Mitigations', r.mitigations],
            ['Review cycle', `Every ${r.reviewEveryDays} days`],
            ['Added', formatUkDate(r.createdAt.slice(0, 10))],
          ]} />
        </Section>
        <Section title="Review history" testId="review-history">
          {r.history.length === 0 ? <Text className={ui.muted}>Not reviewed yet.</Text> : (
            <ol style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 12 }}>
              {r.history.map((h) => (
                <li key={h.id} data-testid="review-entry" style={{ display: 'flex', flexDirection: 'column', gap: 2, paddingBottom: 10, borderBottom: '1px solid #e0e0e0' }}>
                  <div className={ui.actions}>
                    <Text weight="semibold">{formatUkDate(h.reviewedOn)}</Text>
                    <BandBadge band={h.band} score={h.score} size="small" />
                    <Text className={ui.small}>L{h.likelihood} × I{h.impact}{h.reviewedBy ? ` · ${h.reviewedBy}` : ''}</Text>
                  </div>
                  {h.note ? <Text>{h.note}</Text> : null}
                </li>
              ))}
            </ol>
          )}
        </Section>
      </div>
      {dialog === 'review' ? <ReviewDialog risk={r} onClose={closeDialog} onSaved={(m) => { setFailure(null); setNote(m); }} /> : null}
      {dialog === 'edit' ? <RiskFormDialog risk={r} onClose={closeDialog} onSaved={(m) => { setFailure(null); setNote(m); }} /> : null}
      {dialog === 'delete' ? (
        <ConfirmDialog open title="Delete this risk?" confirmLabel="Delete risk" danger busy={deleting} onConfirm={remove} onCancel={() => setDialog(null)}>
          <Text>
            &ldquo;{r.title}&rdquo; and its {r.reviews} {r.reviews === 1 ? 'review' : 'reviews'} will be deleted. To keep the history (for the governors&rsquo;
            report), close the risk instead: Edit, then set its status to Closed.
          </Text>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
