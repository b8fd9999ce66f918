// The window summary for the progress support meeting: per child (initials and year only, as in
// the PDF), on track or below target by subject, and the spread across the cohort; the PDF.

import {
  Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AppStatus, SummaryStats, WindowSummary } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { saveExportedFiles } from '../../lib/saveFiles.ts';
import { QueryState } from '../settings/common.tsx';
import { CompletionSummary, NoWindows, defaultWindow, flagLabel, percent, useProgressStyles, windowLabel, WindowPicker, yearLong, yearShort } from './common.tsx';
import { useWindowSummary, useWindows } from './queries.ts';
import { goProgress, idParam } from './route.ts';

const useStyles = makeStyles({
  wrap: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, overflowX: 'auto',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  matrix: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  mth: {
    textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap',
  },
  mrh: { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  mtd: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  below: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  above: { color: tokens.colorPaletteGreenForeground1 },
  target: { color: tokens.colorNeutralForeground2 },
  legend: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  two: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const SYMBOL = { above: '▲', on_track: '●', below: '▼' } as const;

export function SummaryTab({ status, param }: { status: AppStatus; param: string | null }) {
  const styles = useProgressStyles();
  const windows = useWindows();
  const windowId = idParam(param) ?? (windows.data ? defaultWindow(windows.data)?.id ?? null : null);
  const summary = useWindowSummary(windowId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const pdf = async () => {
    if (windowId === null) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const { files } = await call('windowSummaryPdf', { windowId });
      const names = await saveExportedFiles(files, status.shell);
      setSaved(`Saved ${names.join(', ')}.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <QueryState loading={windows.isPending} error={windows.error} what="assessment windows">
      {windows.data?.length === 0 ? <NoWindows /> : null}
      <div className={styles.stack}>
        <Text>
          For the progress support meeting with senior and middle leaders after each window. Children appear by initials
          and year group only, as in the PDF.
        </Text>
        <div className={styles.toolbar}>
          <WindowPicker windows={windows.data ?? []} value={windowId} onChange={(id) => goProgress('summary', id)} />
          <Button appearance="primary" onClick={pdf} disabled={busy || windowId === null}>{busy ? 'Preparing the PDF…' : 'Download the summary (PDF)'}</Button>
        </div>
        <SavedNote message={saved} />
        <FormAlert messages={error} />
        <QueryState loading={summary.isPending && windowId !== null} error={summary.error} what="window summary">
          {summary.data ? <SummaryView s={summary.data} /> : null}
        </QueryState>
      </div>
    </QueryState>
  );
}

function SummaryView({ s }: { s: WindowSummary }) {
  const styles = useProgressStyles();
  const own = useStyles();
  const o = s.overall;
  return (
    <>
      <div className={styles.cards}>
        <Stat label="Grades judged against target" value={String(o.assessed)} />
        <Stat label="Above target" value={`${o.above} (${share(o.above, o.assessed)})`} />
        <Stat label="On track" value={`${o.onTrack} (${share(o.onTrack, o.assessed)})`} />
        <Stat label="Below target" value={`${o.below} (${share(o.below, o.assessed)})`} />
        <Stat label="Steps from target (mean, range)" value={steps(o)} />
      </div>
      <CompletionSummary completion={s.completion} label={`Completion of ${windowLabel(s.window)}`} />
      <section className={styles.stack} aria-labelledby="by-child-heading">
        <h3 id="by-child-heading" className={styles.h3}>By child</h3>
        <Text className={own.legend}>
          Each cell shows the predicted grade (or the current grade if there is no prediction) / the target.
          ▲ above target, ● on track, ▼ below target. Children with the most subjects below target come first.
        </Text>
        {s.children.length === 0 ? <Text className={styles.muted}>No grades recorded in this window yet.</Text> : (
          <div className={own.wrap} tabIndex={0} role="region" aria-label="Progress by child (scrolls sideways)">
            <table className={own.matrix} aria-label={`Progress by child, ${windowLabel(s.window)}`}>
              <thead>
                <tr>
                  <th scope="col" className={own.mth}>Child</th>
                  {s.subjects.map((sub) => <th key={sub.id} scope="col" className={own.mth}>{sub.name}</th>)}
                  <th scope="col" className={own.mth}>Below</th>
                </tr>
              </thead>
              <tbody>
                {[...s.children].sort((a, b) => b.below - a.below || a.yearGroup - b.yearGroup || a.initials.localeCompare(b.initials)).map((c) => (
                  <tr key={c.childId}>
                    <th scope="row" className={own.mrh}>{c.initials} <span className={styles.small}>{yearShort(c.yearGroup)}</span></th>
                    {c.cells.map((cell, i) => {
                      const grade = cell ? cell.predicted ?? cell.current : null;
                      return (
                        <td key={s.subjects[i]!.id} className={mergeClasses(own.mtd, cell?.flag === 'below' && own.below, cell?.flag === 'above' && own.above)}>
                          {cell && (grade || cell.target) ? (
                            <>
                              {cell.flag ? <span aria-hidden="true">{SYMBOL[cell.flag]} </span> : null}
                              {grade ?? '—'}<span className={own.target}> / {cell.target ?? '—'}</span>
                              {cell.flag ? <span className="visually-hidden">, {flagLabel(cell.flag)}</span> : null}
                            </>
                          ) : <span className={styles.muted}>—</span>}
                        </td>
                      );
                    })}
                    <td className={own.mtd}>{c.below}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className={own.two}>
        <StatsTable title="By subject" first="Subject" rows={s.bySubject.map((r) => ({ key: String(r.subjectId), name: r.name, stats: r }))} />
        <StatsTable title="By year group" first="Year group" rows={s.byYearGroup.map((r) => ({ key: String(r.yearGroup), name: `${yearLong(r.yearGroup)} (${r.children})`, stats: r }))} />
      </div>
    </>
  );
}

const share = (n: number, of: number): string => percent(of ? n / of : null);
const steps = (s: SummaryStats): string =>
  s.meanSteps === null ? '—' : `${s.meanSteps > 0 ? '+' : ''}${s.meanSteps.toFixed(1)} (${s.minSteps} to ${s.maxSteps})`;

function Stat({ label, value }: { label: string; value: string }) {
  const styles = useProgressStyles();
  return (
    <div className={styles.card}>
      <span className={styles.statValue}>{value}</span>
      <span className={styles.statLabel}>{label}</span>
    </div>
  );
}

function StatsTable({ title, first, rows }: { title: string; first: string; rows: { key: string; name: string; stats: SummaryStats }[] }) {
  const styles = useProgressStyles();
  const own = useStyles();
  return (
    <section className={styles.stack} aria-label={`Variation ${title.toLowerCase()}`}>
      <h3 className={styles.h3}>{title}</h3>
      <div className={own.wrap}>
        <Table size="small" aria-label={`Progress ${title.toLowerCase()}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{first}</TableHeaderCell>
              <TableHeaderCell>Judged</TableHeaderCell>
              <TableHeaderCell>Above</TableHeaderCell>
              <TableHeaderCell>On track</TableHeaderCell>
              <TableHeaderCell>Below</TableHeaderCell>
              <TableHeaderCell>Steps: mean (range)</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key}>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.stats.assessed}</TableCell>
                <TableCell>{r.stats.above}</TableCell>
                <TableCell>{r.stats.onTrack}</TableCell>
                <TableCell>{r.stats.below}{r.stats.assessed ? ` (${share(r.stats.below, r.stats.assessed)})` : ''}</TableCell>
                <TableCell>{steps(r.stats)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
