// The parts of a PEP taken from the register (its snapshot), shown read-only: child and care
// details, education history, attendance and exclusions, progress by subject, SEN, and
// interventions with PP+ spend. They change only by "refresh from the register" while the PEP is
// a draft or ready.

import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PepDetail, PepProgressTrend, PepSnapshot } from '../../../api/contract.ts';
import { formatUkDate } from '../../../lib/dates.ts';
import { Details, formatPounds, usePepStyles } from '../common.tsx';

const useStyles = makeStyles({
  sub: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
  figure: { display: 'flex', flexDirection: 'column' },
  big: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  above: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  below: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  entry: { whiteSpace: 'nowrap' },
  compact: { gridTemplateColumns: 'minmax(0, 38%) minmax(0, 1fr)' },
});

/** A contact on separate lines (long email addresses would otherwise squeeze the column). */
function contact(c: { name: string | null; email: string | null; phone: string | null }): ReactNode {
  if (!c.name) return null;
  return (
    <>
      {c.name}
      {c.email ? <><br /><span style={{ overflowWrap: 'anywhere' }}>{c.email}</span></> : null}
      {c.phone ? <><br />{c.phone}</> : null}
    </>
  );
}

export function DetailsSection({ pep }: { pep: PepDetail }) {
  const styles = useStyles();
  const common = usePepStyles();
  const s = pep.snapshot;
  const c = s.child;
  const plac = c.status === 'PLAC';
  const left: [string, ReactNode][] = [
    ['Legal name', `${c.legalFirstName} ${c.legalLastName}`],
    ['Preferred name', c.preferredName],
    ['Date of birth', formatUkDate(c.dateOfBirth)],
    ['Year group', c.yearGroupLabel],
    ['UPN', c.upn],
    ['Gender', c.gender],
    ['Ethnicity', c.ethnicity],
    ['Status', plac && c.placArrangement ? `${c.statusLabel}: ${c.placArrangement}` : c.statusLabel],
    ...(plac ? [] : [['Legal status', c.legalStatus] as [string, ReactNode], ['Date into care', formatUkDate(c.dateIntoCare)] as [string, ReactNode]]),
    ['Joined this school', formatUkDate(c.dateJoinedSchool)],
  ];
  const right: [string, ReactNode][] = [
    [plac ? 'Local authority' : 'Responsible local authority', s.localAuthority?.name],
    ...(plac ? [] : [
      ['Virtual School Head', s.localAuthority?.vshName] as [string, ReactNode],
      ['Placement', s.placement ? `${s.placement.type}, since ${formatUkDate(s.placement.startDate)}` : null] as [string, ReactNode],
      ['Carer', s.placement?.carerName] as [string, ReactNode],
      ['Placement moves (12 months)', String(s.placementMovesLast12Months)] as [string, ReactNode],
    ]),
    ['Social worker', contact(c.socialWorker)],
    ...(plac ? [] : [['Independent Reviewing Officer', contact(c.iro)] as [string, ReactNode]]),
    ['Key adult in school', c.keyAdult],
    ['Education Support Worker', c.eswName],
    ['Pupil Premium Plus', c.ppPlusEligible ? 'Eligible' : 'Not eligible'],
    ['Consent to share information', c.consentInformationSharing ? 'Given' : 'Not given'],
  ];
  return (
    <div className={common.grid2} data-testid="pep-details">
      <Details items={left} className={styles.compact} />
      <Details items={right} className={styles.compact} />
    </div>
  );
}

export function EducationHistorySection({ snapshot: s }: { snapshot: PepSnapshot }) {
  const styles = useStyles();
  const common = usePepStyles();
  return (
    <>
      <h3 className={styles.sub}>Schools attended</h3>
      {s.educationHistory.length === 0 ? <Text className={common.muted}>No earlier schools recorded.</Text> : (
        <div className={common.tableWrap}>
          <Table size="small" className={common.table} aria-label="Schools attended">
            <TableHeader><TableRow>
              <TableHeaderCell>School</TableHeaderCell><TableHeaderCell>From</TableHeaderCell><TableHeaderCell>To</TableHeaderCell><TableHeaderCell>Reason for leaving</TableHeaderCell>
            </TableRow></TableHeader>
            <TableBody>
              {s.educationHistory.map((h, i) => (
                <TableRow key={i}>
                  <TableCell>{h.schoolName}</TableCell>
                  <TableCell className={common.nowrap}>{formatUkDate(h.startDate) || '—'}</TableCell>
                  <TableCell className={common.nowrap}>{formatUkDate(h.endDate) || '—'}</TableCell>
                  <TableCell>{h.reasonForLeaving ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <h3 className={styles.sub}>Prior attainment</h3>
      {s.priorAttainment.length === 0 ? <Text className={common.muted}>No prior attainment recorded.</Text> : (
        <div className={common.tableWrap}>
          <Table size="small" className={common.table} aria-label="Prior attainment">
            <TableHeader><TableRow>
              <TableHeaderCell>Measure</TableHeaderCell><TableHeaderCell>Subject</TableHeaderCell><TableHeaderCell>Result</TableHeaderCell><TableHeaderCell>Assessed</TableHeaderCell>
            </TableRow></TableHeader>
            <TableBody>
              {s.priorAttainment.map((p, i) => (
                <TableRow key={i}>
                  <TableCell>{p.measure}</TableCell><TableCell>{p.subject ?? '—'}</TableCell><TableCell>{p.result}</TableCell>
                  <TableCell className={common.nowrap}>{formatUkDate(p.assessedOn) || '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

const pct = (p: number | null | undefined): string => (p === null || p === undefined ? '—' : `${p.toFixed(1)}%`);

export function AttendanceSection({ snapshot: s }: { snapshot: PepSnapshot }) {
  const styles = useStyles();
  const common = usePepStyles();
  const a = s.attendance;
  const band = (p: number | null | undefined) => (p === null || p === undefined ? undefined
    : p < a.thresholds.pepReviewPercent ? common.bad : p < a.thresholds.actionPlanPercent ? common.warn : undefined);
  return (
    <>
      <div className={styles.figures}>
        <div className={styles.figure}>
          <Text className={common.muted}>This term</Text>
          <Text className={mergeClasses(styles.big, band(a.term?.percent))}>{a.term ? pct(a.term.percent) : 'None recorded'}</Text>
        </div>
        <div className={styles.figure}>
          <Text className={common.muted}>Year to date</Text>
          <Text className={mergeClasses(styles.big, band(a.yearToDatePercent))}>{pct(a.yearToDatePercent)}</Text>
        </div>
        <div className={styles.figure}>
          <Text className={common.muted}>Suspension days this year</Text>
          <Text className={styles.big}>{s.exclusions.suspensionDaysThisYear}</Text>
        </div>
      </div>
      {a.term ? (
        <Text className={common.muted}>
          {a.term.present} of {a.term.possible} sessions attended; {a.term.authorised} authorised and {a.term.unauthorised} unauthorised absences.
          Below {a.thresholds.actionPlanPercent}% needs an attendance action plan; below {a.thresholds.pepReviewPercent}% a PEP review.
        </Text>
      ) : null}
      {a.periods.length > 1 ? (
        <div className={common.tableWrap}>
          <Table size="small" className={common.table} aria-label="Attendance by period">
            <TableHeader><TableRow>
              <TableHeaderCell>Period</TableHeaderCell><TableHeaderCell>Possible</TableHeaderCell><TableHeaderCell>Present</TableHeaderCell>
              <TableHeaderCell>Authorised</TableHeaderCell><TableHeaderCell>Unauthorised</TableHeaderCell><TableHeaderCell>Attendance</TableHeaderCell>
            </TableRow></TableHeader>
            <TableBody>
              {a.periods.map((p) => (
                <TableRow key={p.start}>
                  <TableCell className={common.nowrap}>{formatUkDate(p.start)} to {formatUkDate(p.end)}</TableCell>
                  <TableCell>{p.possible}</TableCell><TableCell>{p.present}</TableCell><TableCell>{p.authorised}</TableCell><TableCell>{p.unauthorised}</TableCell>
                  <TableCell className={band(p.percent)}>{pct(p.percent)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <h3 className={styles.sub}>Suspensions and exclusions this term</h3>
      {s.exclusions.items.length === 0 ? <Text className={common.muted}>None this term.</Text> : (
        <div className={common.tableWrap}>
          <Table size="small" className={common.table} aria-label="Suspensions and exclusions this term">
            <TableHeader><TableRow>
              <TableHeaderCell>Kind</TableHeaderCell><TableHeaderCell>From</TableHeaderCell><TableHeaderCell>To</TableHeaderCell>
              <TableHeaderCell>School days</TableHeaderCell><TableHeaderCell>Reason</TableHeaderCell>
            </TableRow></TableHeader>
            <TableBody>
              {s.exclusions.items.map((x, i) => (
                <TableRow key={i}>
                  <TableCell>{x.kind === 'PERM' ? 'Permanent exclusion' : 'Suspension'}</TableCell>
                  <TableCell className={common.nowrap}>{formatUkDate(x.startDate)}</TableCell>
                  <TableCell className={common.nowrap}>{formatUkDate(x.endDate) || '—'}</TableCell>
                  <TableCell>{x.schoolDays}</TableCell>
                  <TableCell>{x.reason ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

const TREND: Record<PepProgressTrend, { arrow: string; words: string }> = {
  up: { arrow: '↑', words: 'Improving' },
  same: { arrow: '→', words: 'No change' },
  down: { arrow: '↓', words: 'Falling' },
};

export function ProgressSection({ snapshot: s }: { snapshot: PepSnapshot }) {
  const styles = useStyles();
  const common = usePepStyles();
  const p = s.progress;
  if (!p.hasReturnsThisPeriod || p.subjects.length === 0) {
    return <Text className={common.muted}>No progress returns with grades yet for this academic year. The PEP says so rather than leaving the section out.</Text>;
  }
  return (
    <div className={common.tableWrap}>
      <Table size="small" className={common.table} aria-label="Attainment and progress by subject">
        <TableHeader><TableRow>
          <TableHeaderCell>Subject</TableHeaderCell>
          {p.windows.map((w) => <TableHeaderCell key={w.id}>{w.name}<span className="visually-hidden"> {w.academicYearLabel}</span></TableHeaderCell>)}
          <TableHeaderCell>Target</TableHeaderCell>
          <TableHeaderCell>Trend</TableHeaderCell>
        </TableRow></TableHeader>
        <TableBody>
          {p.subjects.map((sub) => (
            <TableRow key={sub.name}>
              <TableCell><Text weight={sub.isCore ? 'semibold' : 'regular'}>{sub.name}</Text></TableCell>
              {sub.entries.map((e, i) => (
                <TableCell key={i} className={styles.entry}>
                  {e?.current ? (
                    <span className={e.flag === 'below' ? styles.below : e.flag === 'above' ? styles.above : undefined}>
                      {e.current}
                      {e.flag === 'below' ? <span className="visually-hidden"> (below target)</span> : e.flag === 'above' ? <span className="visually-hidden"> (above target)</span> : null}
                    </span>
                  ) : <span className={common.muted}>—</span>}
                </TableCell>
              ))}
              <TableCell>{sub.latestTarget ?? '—'}</TableCell>
              <TableCell className={common.nowrap}>
                {sub.trend ? <span title={TREND[sub.trend].words}><span aria-hidden="true">{TREND[sub.trend].arrow} </span>{TREND[sub.trend].words}</span> : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function SenSection({ snapshot: s }: { snapshot: PepSnapshot }) {
  return (
    <Details items={[
      ['SEN provision', `${s.sen.provision}: ${s.sen.provisionLabel}`],
      ['Primary need', s.sen.primaryNeedLabel ?? (s.sen.provision === 'N' ? 'None' : null)],
      ...(s.sen.provision === 'E' ? [['EHC plan annual review', formatUkDate(s.sen.ehcpReviewDate)] as [string, ReactNode]] : []),
    ]} />
  );
}

const FUNDING: Record<'pp_plus' | 'school' | 'virtual_school', string> = { pp_plus: 'PP+', school: 'School', virtual_school: 'Virtual School' };

export function InterventionsSection({ snapshot: s }: { snapshot: PepSnapshot }) {
  const common = usePepStyles();
  const iv = s.interventions;
  return (
    <>
      <Details items={[
        ['PP+ spent this term', formatPounds(iv.ppPlusPence)],
        ['Funded by the school', formatPounds(iv.schoolPence)],
        ['Funded by the Virtual School', formatPounds(iv.virtualSchoolPence)],
        [`PP+ allocation ${iv.financialYear}`, iv.ppPlusAllocationPence === null ? 'Not eligible'
          : `${formatPounds(iv.ppPlusAllocationPence)}${iv.ppPlusAllocationSource === 'la_rule' ? " (the LA's yearly rate)" : ''}`],
      ]} />
      {iv.items.length === 0 ? <Text className={common.muted}>No interventions running this term.</Text> : (
        <div className={common.tableWrap}>
          <Table size="small" className={common.table} aria-label="Interventions this term">
            <TableHeader><TableRow>
              <TableHeaderCell>Intervention</TableHeaderCell><TableHeaderCell>Dates</TableHeaderCell><TableHeaderCell>Sessions</TableHeaderCell>
              <TableHeaderCell>Cost</TableHeaderCell><TableHeaderCell>Funding</TableHeaderCell><TableHeaderCell>Impact</TableHeaderCell>
            </TableRow></TableHeader>
            <TableBody>
              {iv.items.map((i) => (
                <TableRow key={i.id}>
                  <TableCell>{i.label}{i.deliveredBy ? <Text className={mergeClasses(common.muted, common.small)} block>{i.deliveredBy}</Text> : null}</TableCell>
                  <TableCell className={common.nowrap}>{formatUkDate(i.startDate)}{i.endDate ? ` to ${formatUkDate(i.endDate)}` : ' onwards'}</TableCell>
                  <TableCell>{i.sessionsAttended} of {i.sessionsPlanned}</TableCell>
                  <TableCell>{formatPounds(i.costPence)}</TableCell>
                  <TableCell><Badge appearance="outline" color={i.fundingSource === 'pp_plus' ? 'brand' : 'informative'} shape="rounded">{FUNDING[i.fundingSource]}</Badge></TableCell>
                  <TableCell>{i.impactRating}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

/** Voice-log entries in the snapshot (what the child said to the ESW and others this term). */
export function VoiceLogList({ snapshot: s }: { snapshot: PepSnapshot }) {
  const common = usePepStyles();
  if (s.voiceLog.length === 0) return <Text className={common.muted}>No voice-log entries for this term.</Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: '1.2em', display: 'flex', flexDirection: 'column', gap: 4 }}>
      {s.voiceLog.map((v, i) => (
        <li key={i}>
          <Text><Text weight="semibold">{formatUkDate(v.heldOn)}</Text> ({v.kind}): {v.wishesFeelings ?? ''}{v.concerns ? ` Worries: ${v.concerns}` : ''}</Text>
        </li>
      ))}
    </ul>
  );
}
