// The annual report to governors for one year, exactly as the API returns it: anonymous (the API
// carries no name, UPN or date of birth) and suppressed (cells print "fewer than 5" or "withheld"
// as given). Export as PDF or editable Word (.docx).

import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Text, mergeClasses } from '@fluentui/react-components';
import { useState } from 'react';
import type { AppStatus, Comparison, GovernorsReport, ReportCell, ReportTable, ReportWarning } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { saveExportedFiles } from '../../lib/saveFiles.ts';
import { LoadFailed, Loading, Section, StatTile, useUi } from '../dashboard/ui.tsx';
import { useGovernorsReport } from './queries.ts';
import { reportsHref } from './route.ts';

export function ReportView({ year, status }: { year: string; status: AppStatus }) {
  const ui = useUi();
  const q = useGovernorsReport(year);
  if (q.isPending) return <Loading what="report" />;
  if (q.error) return <LoadFailed what="report" error={q.error} />;
  const r = q.data;
  return (
    <div className={ui.stack} data-testid="governors-report">
      <ExportBar year={year} status={status} />
      <Text>
        {r.school.name}: the Designated Teacher&rsquo;s report to governors for {r.academicYear.label} ({formatUkDate(r.academicYear.startDate)} to {formatUkDate(r.academicYear.endDate)}),
        figures as at {formatUkDate(r.asOf)}. No child is named in this report.
      </Text>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody><MessageBarTitle>Small numbers are suppressed.</MessageBarTitle>{r.suppression.note}</MessageBarBody>
      </MessageBar>
      <Warnings warnings={r.warnings} title="Check before sharing" />

      <Section title="Cohort" testId="report-cohort">
        <div className={ui.tiles}>
          <StatTile label="Children in the report" value={r.cohort.total.text} tone="brand" />
          <StatTile label="Looked after" value={r.cohort.lookedAfter.text} />
          <StatTile label="Previously looked after" value={r.cohort.previouslyLookedAfter.text} />
        </div>
        <Tables tables={[r.cohort.byYearGroup, r.cohort.byLocalAuthority, r.cohort.bySen, r.cohort.placArrangements, r.cohort.movement]} />
      </Section>

      <Section title="Attendance" testId="report-attendance">
        <Tables tables={[r.attendance.summary, r.attendance.bands]} />
        <Comparisons title="Attendance against the whole school and national figures" rows={r.attendance.comparisons} />
        <h3 className={ui.cardTitleSmall}>National indicator</h3>
        <dl className={ui.dl}>
          <dt className={ui.dt}>Looked after for 12 months or more</dt><dd className={ui.dd}>{r.attendance.nationalIndicator.eligible.text}</dd>
          <dt className={ui.dt}>Missed 25 or more school days</dt><dd className={ui.dd}>{r.attendance.nationalIndicator.missed25.text}</dd>
          <dt className={ui.dt}>Percentage</dt><dd className={ui.dd}>{r.attendance.nationalIndicator.percent.text}</dd>
          <dt className={ui.dt}>National benchmark</dt>
          <dd className={ui.dd}>{r.attendance.nationalIndicator.benchmark ? benchmarkText(r.attendance.nationalIndicator.benchmark.claValue, '%', r.attendance.nationalIndicator.benchmark) : 'None entered'}</dd>
        </dl>
        <Text className={ui.small}>{r.attendance.nationalIndicator.note}</Text>
      </Section>

      <Section title="Suspensions and exclusions" testId="report-exclusions">
        <Tables tables={[r.exclusions.table]} />
        <Comparisons title="Suspensions and exclusions against the whole school and national figures" rows={r.exclusions.comparisons} />
      </Section>

      <Section title="Attainment and progress" testId="report-attainment">
        <Tables tables={[r.attainment.ks2, r.attainment.ks4, r.attainment.progress]} />
        <Comparisons title="Attainment against national benchmarks" rows={r.attainment.comparisons} />
      </Section>

      <Section title="Personal Education Plans" testId="report-peps">
        {r.peps.note ? <Text className={ui.small}>{r.peps.note}</Text> : null}
        {r.peps.available ? <Tables tables={[r.peps.table, r.peps.quality]} /> : null}
        {r.peps.completeness ? <Text>PEPs complete: {r.peps.completeness.text}</Text> : null}
      </Section>

      <Section title="Pupil Premium Plus" testId="report-ppplus">
        {r.ppPlus.note ? <Text className={ui.small}>{r.ppPlus.note}</Text> : null}
        {r.ppPlus.available ? <Tables tables={[r.ppPlus.table, r.ppPlus.impact]} /> : null}
      </Section>

      <Section title="Interventions" testId="report-interventions">
        <Tables tables={[r.interventions.byKind, r.interventions.costs]} />
      </Section>

      <Section title="Pupil experience survey" testId="report-survey">
        <Text>Responses: {r.survey.responses.text}</Text>
        {r.survey.questions.map((sq, i) => (
          <div key={i} className={ui.stack}>
            <GenericTable table={{ ...sq.table, title: sq.prompt }} />
            {sq.note ? <Text className={ui.small}>{sq.note}</Text> : null}
          </div>
        ))}
        <Text className={ui.small}>{r.survey.note}</Text>
      </Section>

      <Section title="Staff training" testId="report-training">
        {r.training.length === 0 ? <Text className={ui.muted}>No training recorded for this year.</Text> : (
          <div className={ui.plainWrap}>
            <table className={ui.table} aria-label="Staff training delivered">
              <thead><tr>{['Date', 'Training', 'Audience', 'Delivered by', 'Attendees'].map((h) => <th key={h} scope="col" className={ui.th}>{h}</th>)}</tr></thead>
              <tbody>
                {r.training.map((t, i) => (
                  <tr key={i}>
                    <td className={mergeClasses(ui.td, ui.nowrap)}>{formatUkDate(t.deliveredOn)}</td>
                    <td className={ui.td}>{t.title}</td>
                    <td className={ui.td}>{t.audience ?? '–'}</td>
                    <td className={ui.td}>{t.deliveredBy ?? '–'}</td>
                    <td className={mergeClasses(ui.td, ui.num)}>{t.attendees ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title="Risks" testId="report-risks">
        <div className={ui.tiles}>
          <StatTile label="Open and monitored" value={r.risks.open} tone="brand" />
          <StatTile label="Closed" value={r.risks.closed} />
          <StatTile label="Reviews overdue" value={r.risks.reviewsOverdue} tone={r.risks.reviewsOverdue ? 'warning' : 'good'} />
        </div>
        <Text>{r.risks.byBand.map((b) => `${b.label}: ${b.count}`).join(' · ')}</Text>
        <RiskHeatTable map={r.risks.heatMap} />
        {r.risks.highest.length ? (
          <div className={ui.plainWrap}>
            <table className={ui.table} aria-label="Highest risks">
              <thead><tr>{['Risk', 'Category', 'Score', 'Owner', 'Mitigations'].map((h) => <th key={h} scope="col" className={ui.th}>{h}</th>)}</tr></thead>
              <tbody>
                {r.risks.highest.map((h, i) => (
                  <tr key={i}>
                    <td className={ui.td}>{h.title}</td>
                    <td className={ui.td}>{h.category}</td>
                    <td className={mergeClasses(ui.td, ui.nowrap)}>{h.score} (L{h.likelihood} × I{h.impact})</td>
                    <td className={ui.td}>{h.owner ?? '–'}</td>
                    <td className={ui.td}>{h.mitigations ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Section>

      <Section title="Narrative" testId="report-narrative" actions={<Link href={reportsHref.content()}>Edit the narrative</Link>}>
        {r.narrative.map((n, i) => (
          <div key={i} className={ui.stack} style={{ gap: 4 }} data-testid={`narrative-${n.key}`}>
            <h3 className={ui.cardTitleSmall}>{n.title}</h3>
            {n.body ? <Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text> : <Text className={ui.muted}>Not written yet.</Text>}
          </div>
        ))}
      </Section>

      {r.notes.length ? (
        <Section title="Notes on the figures">
          <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>{r.notes.map((n, i) => <li key={i}><Text>{n}</Text></li>)}</ul>
        </Section>
      ) : null}
    </div>
  );
}

function ExportBar({ year, status }: { year: string; status: AppStatus }) {
  const ui = useUi();
  const [busy, setBusy] = useState<'pdf' | 'docx' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<ReportWarning[]>([]);
  const run = async (format: 'pdf' | 'docx') => {
    setBusy(format);
    setNote(null);
    setFailure(null);
    try {
      const out = await call('exportGovernorsReport', { year, format });
      setWarnings(out.warnings);
      const saved = await saveExportedFiles(out.files, status.shell);
      setNote(`The report was saved as ${saved.join(', ')}.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className={ui.stack}>
      <div className={ui.actions}>
        <Button appearance="primary" disabled={busy !== null} onClick={() => void run('pdf')}>{busy === 'pdf' ? 'Exporting…' : 'Export PDF'}</Button>
        <Button disabled={busy !== null} onClick={() => void run('docx')}>{busy === 'docx' ? 'Exporting…' : 'Export Word (.docx)'}</Button>
      </div>
      <SavedNote message={note} />
      <FormAlert title="The report was not exported" messages={failure} />
      <Warnings warnings={warnings} title="The exported report has things to check" />
    </div>
  );
}

function Warnings({ warnings, title }: { warnings: ReportWarning[]; title: string }) {
  if (warnings.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="report-warnings">
      <MessageBarBody>
        <MessageBarTitle>{title}.</MessageBarTitle>
        <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>{warnings.map((w, i) => <li key={i}>{w.where}: {w.message}</li>)}</ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function Tables({ tables }: { tables: (ReportTable | null)[] }) {
  return <>{tables.filter((t): t is ReportTable => t !== null).map((t) => <GenericTable key={t.id} table={t} />)}</>;
}

const cellTitle = (c: ReportCell): string | undefined =>
  c.suppressed === 'small' ? 'Suppressed: fewer than 5 children' : c.suppressed === 'secondary' ? 'Withheld so that a suppressed figure cannot be worked out' : undefined;

/** Any report table: row header, columns, cells printed exactly as given. */
export function GenericTable({ table: t }: { table: ReportTable }) {
  const ui = useUi();
  return (
    <div className={ui.stack} style={{ gap: 4 }} data-testid={`report-table-${t.id}`}>
      <h3 className={ui.cardTitleSmall}>{t.title}</h3>
      {t.omitted ? <Text className={ui.muted}>Not shown: too few children to give a breakdown without identifying someone.</Text> : (
        <div className={ui.plainWrap}>
          <table className={ui.table} aria-label={t.title}>
            <thead>
              <tr>
                <th scope="col" className={ui.th}>{t.rowHeader}</th>
                {t.columns.map((c, i) => <th key={i} scope="col" className={mergeClasses(ui.th, ui.num)}>{c}</th>)}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((row, i) => (
                <tr key={i} className={row.isTotal ? ui.tfoot : undefined}>
                  <th scope="row" className={mergeClasses(ui.td, row.isTotal ? ui.strong : undefined)} style={{ textAlign: 'left', fontWeight: row.isTotal ? undefined : 'normal' }}>{row.label}</th>
                  {row.cells.map((c, j) => (
                    <td key={j} className={mergeClasses(ui.td, ui.num, c.suppressed ? ui.muted : undefined)} title={cellTitle(c)} data-suppressed={c.suppressed ?? undefined}>{c.text}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {t.note ? <Text className={ui.small}>{t.note}</Text> : null}
    </div>
  );
}

function fmt(v: number | null, unit: string): string {
  if (v === null) return '–';
  const n = Number.isInteger(v) ? String(v) : v.toFixed(1);
  return unit === '%' ? `${n}%` : n;
}

function benchmarkText(v: number | null, unit: string, b: { claLabel: string; dataYear: string; source: string }): string {
  return `${fmt(v, unit)} (${b.claLabel}, ${b.dataYear}; source: ${b.source})`;
}

function Comparisons({ title, rows }: { title: string; rows: Comparison[] }) {
  const ui = useUi();
  if (rows.length === 0) return null;
  return (
    <div className={ui.stack} style={{ gap: 4 }}>
      <h3 className={ui.cardTitleSmall}>{title}</h3>
      <div className={ui.plainWrap}>
        <table className={ui.table} aria-label={title}>
          <thead>
            <tr>{['Measure', 'Our children', 'Whole school', 'National (children looked after)', 'National (comparison)', 'Benchmark year and source'].map((h) => <th key={h} scope="col" className={ui.th}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.measure}>
                <th scope="row" className={ui.td} style={{ textAlign: 'left', fontWeight: 'normal' }}>
                  {c.label}{c.note ? <div className={ui.small}>{c.note}</div> : null}
                </th>
                <td className={ui.td}>
                  {c.ours.length === 0 ? '–' : c.ours.map((o, i) => (
                    <div key={i} title={cellTitle(o.cell)} data-suppressed={o.cell.suppressed ?? undefined}>{o.label ? `${o.label}: ` : ''}{o.cell.text}</div>
                  ))}
                </td>
                <td className={mergeClasses(ui.td, ui.num)}>{fmt(c.school, c.unit)}</td>
                <td className={ui.td}>{c.benchmark ? <>{fmt(c.benchmark.claValue, c.unit)} <span className={ui.small}>{c.benchmark.claLabel}</span></> : '–'}</td>
                <td className={ui.td}>{c.benchmark ? <>{fmt(c.benchmark.comparisonValue, c.unit)} <span className={ui.small}>{c.benchmark.comparisonLabel}</span></> : '–'}</td>
                <td className={ui.td}>{c.benchmark ? `${c.benchmark.dataYear}; ${c.benchmark.source}${c.benchmark.isDefault ? ' (default)' : ''}` : 'None entered'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const BAND_OF = (score: number) => (score >= 15 ? 'Very high' : score >= 10 ? 'High' : score >= 5 ? 'Medium' : 'Low');

function RiskHeatTable({ map }: { map: GovernorsReport['risks']['heatMap'] }) {
  const ui = useUi();
  return (
    <div className={ui.plainWrap}>
      <table className={ui.table} aria-label="Open and monitored risks by likelihood and impact" style={{ width: 'auto' }}>
        <thead>
          <tr>
            <th scope="col" className={ui.th}>Likelihood \ Impact</th>
            {[1, 2, 3, 4, 5].map((i) => <th key={i} scope="col" className={mergeClasses(ui.th, ui.num)}>Impact {i}</th>)}
          </tr>
        </thead>
        <tbody>
          {[5, 4, 3, 2, 1].map((l) => (
            <tr key={l}>
              <th scope="row" className={ui.td} style={{ textAlign: 'left' }}>Likelihood {l}</th>
              {[1, 2, 3, 4, 5].map((i) => (
                <td key={i} className={mergeClasses(ui.td, ui.num)} title={`${BAND_OF(l * i)} (score ${l * i})`}>{map[l - 1]?.[i - 1] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
