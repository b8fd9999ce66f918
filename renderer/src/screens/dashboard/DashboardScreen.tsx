// The app's home: every alert across the register by urgency (who, why, since when, and a link to
// where to act), PEPs due this half term, returns outstanding, the PP+ position, risks due for
// review, and the deadlines of the next six weeks.

import { Badge, Button, Field, Select, Text, makeStyles, mergeClasses, tokens, type BadgeProps } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import {
  ALERT_KIND_LABELS, type AppStatus, type Dashboard, type DeadlineItem, type PepDue, type RegisterAlert, type RegisterAlertKind,
} from '../../api/contract.ts';
import { useChildren, useLocalAuthorities } from '../../api/queries.ts';
import { hrefFor } from '../../app/router.ts';
import { SavedNote } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { interventionsHref } from '../interventions/route.ts';
import { BandBadge, ReviewBadge } from '../risks/common.tsx';
import { risksHref } from '../risks/route.ts';
import { alertAction, alertHref } from '../../lib/alertLinks.ts';
import { CALENDAR_WEEKS, useAlertThresholds, useDashboard } from './queries.ts';
import { ThresholdsDialog } from './ThresholdsDialog.tsx';
import { LoadFailed, Loading, Section, StatTile, addDays, dayName, pct, plural, pounds, poundsWhole, useUi, yearGroupLabel } from './ui.tsx';

type Severity = RegisterAlert['severity'];
const SEVERITIES: { id: Severity; label: string; color: BadgeProps['color'] }[] = [
  { id: 'urgent', label: 'Urgent', color: 'danger' },
  { id: 'warning', label: 'Warning', color: 'warning' },
  { id: 'info', label: 'For information', color: 'informative' },
];
/** Alerts shown per group before "Show all". */
const FIRST = 8;

const useStyles = makeStyles({
  intro: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  columns: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(300px, 1fr)', gap: tokens.spacingHorizontalL, alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  pair: {
    display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}` },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  alert: {
    display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, alignItems: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2, borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
  },
  urgent: { borderLeftColor: tokens.colorPaletteRedBorder2, backgroundColor: tokens.colorPaletteRedBackground1 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2, backgroundColor: tokens.colorPaletteDarkOrangeBackground1 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive, backgroundColor: tokens.colorNeutralBackground2 },
  alertMain: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  alertTop: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  who: { fontWeight: tokens.fontWeightSemibold },
  reason: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  when: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  alertActions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'wrap' },
  week: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  deadline: { display: 'grid', gridTemplateColumns: '52px minmax(0, 1fr)', gap: tokens.spacingHorizontalM, padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  dateBox: {
    display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, lineHeight: '1.1', padding: '4px 0',
  },
  dateDay: { fontSize: tokens.fontSizeBase100, textTransform: 'uppercase', fontWeight: tokens.fontWeightSemibold },
  dateNum: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightBold },
});

export function DashboardScreen({ status }: { status: AppStatus }) {
  const ui = useUi();
  const dash = useDashboard();
  const thresholds = useAlertThresholds();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const d = dash.data;
  return (
    <div className={ui.page}>
      <IntroLine status={status} asOf={d?.asOf ?? null} onSettings={thresholds.data ? () => setEditing(true) : null} />
      <SavedNote message={note} />
      {dash.isPending ? <Loading what="dashboard" /> : dash.error ? <LoadFailed what="dashboard" error={dash.error} /> : (
        <>
          <SetupSteps d={d!} isDt={status.session?.role === 'dt'} />
          <DashboardBody d={d!} />
        </>
      )}
      {editing && thresholds.data ? <ThresholdsDialog thresholds={thresholds.data} onClose={() => setEditing(false)} onSaved={setNote} /> : null}
    </div>
  );
}

function IntroLine({ status, asOf, onSettings }: { status: AppStatus; asOf: string | null; onSettings: (() => void) | null }) {
  const s = useStyles();
  const ui = useUi();
  const name = status.session?.name;
  return (
    <div className={s.intro}>
      <div className={ui.stack} style={{ gap: 2 }}>
        <Heading focusOnMount>Dashboard</Heading>
        <Text className={ui.small}>
          {asOf ? `${dayName(asOf)} ${formatUkDate(asOf)}` : ''}{name ? ` · Signed in as ${name}` : ''}
        </Text>
      </div>
      {onSettings ? <Button onClick={onSettings}>Alert thresholds</Button> : null}
    </div>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const s = useStyles();
  const ui = useUi();
  return (
    <>
      <div className={ui.tiles} data-testid="dashboard-tiles">
        <StatTile label="Urgent alerts" value={d.alerts.urgent.length} tone={d.alerts.urgent.length ? 'urgent' : 'good'} detail={`${d.alerts.warning.length} warnings, ${d.alerts.info.length} for information`} />
        <StatTile label="PEPs due this half term" value={d.peps.dueThisHalfTerm.length} tone={d.peps.overdue ? 'urgent' : d.peps.dueThisHalfTerm.length ? 'warning' : 'good'}
          detail={d.peps.overdue ? `${d.peps.overdue} overdue` : d.peps.halfTerm ? `By ${formatUkDate(d.peps.halfTerm.endDate)}` : 'No school calendar yet'} />
        <StatTile label="Returns outstanding" value={d.returns.outstanding} tone={d.returns.overdue ? 'urgent' : d.returns.outstanding ? 'warning' : 'good'}
          detail={`${d.returns.overdue} overdue`} />
        <StatTile label={`PP+ spent ${d.ppPlus.financialYear}`} value={pct(d.ppPlus.totals.spentPercent)} tone="brand"
          detail={`${poundsWhole(d.ppPlus.totals.spentPence)} of ${poundsWhole(d.ppPlus.totals.allocatedPence)}`} />
        <StatTile label="Risks due for review" value={d.risks.dueForReview.length} tone={d.risks.dueForReview.some((r) => r.reviewState === 'overdue') ? 'urgent' : d.risks.dueForReview.length ? 'warning' : 'good'}
          detail={`${d.risks.open} open risks`} />
      </div>
      <div className={s.columns}>
        <AlertsSection d={d} />
        <div className={s.side}>
          <CalendarSection d={d} />
          <RisksDueSection d={d} />
        </div>
      </div>
      <div className={s.pair}>
        <PepsSection d={d} />
        <ReturnsSection d={d} />
      </div>
      <PpPlusSection d={d} />
    </>
  );
}

// ---- first steps on a new register ---------------------------------------------------------------------

function SetupSteps({ d, isDt }: { d: Dashboard; isDt: boolean }) {
  const ui = useUi();
  const las = useLocalAuthorities();
  const children = useChildren('current');
  const hasCalendar = d.peps.halfTerm !== null;
  const hasLas = (las.data?.length ?? 1) > 0;
  const hasChildren = (children.data?.rows.length ?? 1) > 0;
  if (hasCalendar && hasLas && hasChildren) return null;
  const steps: [boolean, string, string][] = [
    [false, hrefFor('settings', 'school'), 'Check the school details and attendance thresholds'],
    [hasCalendar, hrefFor('settings', 'years'), 'Add this academic year\u2019s term dates and INSET days'],
    [hasLas, hrefFor('settings', 'las'), 'Add the Virtual Schools of the local authorities you work with'],
    [hasChildren, '#/children', 'Add the children, or import them from your MIS'],
    ...(isDt ? [[false, hrefFor('settings', 'users'), 'Add your deputy (usually the SENDCo)'] as [boolean, string, string]] : []),
    [false, hrefFor('settings', 'backups'), 'Make a first backup'],
  ];
  return (
    <Section title="Set up the register" testId="setup-steps">
      <Text>Alerts and deadlines appear here once the register knows the school calendar, the local authorities and the children.</Text>
      <ol className={ui.stack} style={{ margin: 0, paddingInlineStart: '1.4em', gap: 6 }}>
        {steps.map(([done, href, label]) => (
          <li key={label}>
            <a className={ui.link} href={href}>{label}</a>{done ? <span className={ui.small}> (done)</span> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}

// ---- alerts ----------------------------------------------------------------------------------------

function AlertsSection({ d }: { d: Dashboard }) {
  const ui = useUi();
  const [severity, setSeverity] = useState<'' | Severity>('');
  const [kind, setKind] = useState<'' | RegisterAlertKind>('');
  const kinds = useMemo(() => (Object.entries(d.alerts.byKind) as [RegisterAlertKind, number][])
    .sort((a, b) => ALERT_KIND_LABELS[a[0]].localeCompare(ALERT_KIND_LABELS[b[0]], 'en-GB')), [d.alerts.byKind]);
  const groups = SEVERITIES.filter((g) => !severity || g.id === severity)
    .map((g) => ({ ...g, alerts: d.alerts[g.id].filter((a) => !kind || a.kind === kind) }));
  const shown = groups.reduce((n, g) => n + g.alerts.length, 0);
  return (
    <Section title={`Alerts (${d.alerts.total})`} id="alerts-heading" testId="alerts">
      <div role="search" aria-label="Filter alerts" className={ui.toolbar}>
        <Field label="Urgency" style={{ minWidth: 170 }}>
          <Select value={severity} onChange={(_e, v) => setSeverity(v.value as '' | Severity)}>
            <option value="">All</option>
            {SEVERITIES.map((g) => <option key={g.id} value={g.id}>{g.label} ({d.alerts[g.id].length})</option>)}
          </Select>
        </Field>
        <Field label="Kind" style={{ minWidth: 260, flex: 1 }}>
          <Select value={kind} onChange={(_e, v) => setKind(v.value as '' | RegisterAlertKind)}>
            <option value="">All kinds</option>
            {kinds.map(([k, n]) => <option key={k} value={k}>{ALERT_KIND_LABELS[k]} ({n})</option>)}
          </Select>
        </Field>
      </div>
      <Text role="status" aria-live="polite" className={ui.small}>
        {severity || kind ? `Showing ${plural(shown, 'alert')} of ${d.alerts.total}` : d.alerts.total ? '' : 'No alerts: nothing needs your attention today.'}
      </Text>
      {groups.map((g) => (g.alerts.length ? <AlertGroup key={`${g.id}-${kind}`} label={g.label} severity={g.id} color={g.color} alerts={g.alerts} /> : null))}
    </Section>
  );
}

function AlertGroup({ label, severity, color, alerts }: { label: string; severity: Severity; color: BadgeProps['color']; alerts: RegisterAlert[] }) {
  const s = useStyles();
  const [all, setAll] = useState(alerts.length <= FIRST + 2);
  const shown = all ? alerts : alerts.slice(0, FIRST);
  const id = `alerts-${severity}`;
  return (
    <section className={s.group} aria-labelledby={id} data-testid={`alert-group-${severity}`}>
      <div className={s.groupHead}>
        <h3 id={id} className={s.groupTitle}>{label}</h3>
        <Badge appearance="filled" color={color} shape="circular" aria-label={`${alerts.length} ${alerts.length === 1 ? 'alert' : 'alerts'}`}>{alerts.length}</Badge>
      </div>
      <ul className={s.list}>
        {shown.map((a) => <AlertRow key={a.key} a={a} />)}
      </ul>
      {alerts.length > shown.length ? (
        <div><Button appearance="subtle" onClick={() => setAll(true)}>Show all {alerts.length} {label.toLowerCase()} alerts</Button></div>
      ) : null}
    </section>
  );
}

function AlertRow({ a }: { a: RegisterAlert }) {
  const s = useStyles();
  const ui = useUi();
  const action = alertAction(a.link);
  const canStart = a.kind === 'progress-below-target' && a.childId !== null && a.refs?.subjectId && a.refs.windowId;
  return (
    <li className={mergeClasses(s.alert, s[a.severity])} data-testid="alert" data-kind={a.kind} data-severity={a.severity}>
      <div className={s.alertMain}>
        <div className={s.alertTop}>
          <span className={s.who}>{a.subject.name}</span>
          <span>{a.title}</span>
        </div>
        <span className={s.reason}>{a.reason}</span>
        <span className={s.when}>Since {formatUkDate(a.since)}{a.dueOn && a.dueOn !== a.since ? ` · due ${formatUkDate(a.dueOn)}` : ''}</span>
      </div>
      <div className={s.alertActions}>
        {canStart ? (
          <Button size="small" as="a" href={interventionsHref.fromBelowTarget(a.childId!, a.refs!.subjectId!, a.refs!.windowId!)}
            aria-label={`Start an intervention for ${a.subject.name}`}>Start an intervention</Button>
        ) : null}
        <a className={ui.link} href={alertHref(a.link)} aria-label={`${action}: ${a.subject.name}`} data-testid="alert-link">{action}</a>
      </div>
    </li>
  );
}

// ---- side column: the next six weeks, risks due ------------------------------------------------------

const KIND_WORD: Record<DeadlineItem['kind'], string> = {
  pep: 'PEP', returns: 'Returns', ehcp_review: 'EHCP review', risk_review: 'Risk review', la_cutoff: 'LA cut-off', provider_report: 'Provider report',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The Monday of the week an ISO date falls in. */
function mondayOf(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, day === 0 ? -6 : 1 - day);
}

function CalendarSection({ d }: { d: Dashboard }) {
  const s = useStyles();
  const ui = useUi();
  const weeks = useMemo(() => {
    const m = new Map<string, DeadlineItem[]>();
    for (const item of d.calendar.items) {
      const w = mondayOf(item.date);
      m.set(w, [...(m.get(w) ?? []), item]);
    }
    return [...m].sort((a, b) => a[0].localeCompare(b[0]));
  }, [d.calendar.items]);
  return (
    <Section title={`Next ${CALENDAR_WEEKS} weeks`} testId="calendar">
      <Text className={ui.small}>{formatUkDate(d.calendar.from)} to {formatUkDate(d.calendar.to)}</Text>
      {weeks.length === 0 ? <Text className={ui.muted}>No deadlines in the next {CALENDAR_WEEKS} weeks.</Text> : weeks.map(([monday, items]) => (
        <div key={monday}>
          <h3 className={s.week}>Week of {formatUkDate(monday)}</h3>
          <ul className={s.list} style={{ gap: 0 }}>
            {items.map((item, k) => (
              <li key={k} className={s.deadline} data-testid="deadline">
                <div className={s.dateBox} aria-hidden="true">
                  <span className={s.dateDay}>{dayName(item.date).slice(0, 3)}</span>
                  <span className={s.dateNum}>{Number(item.date.slice(8, 10))}</span>
                  <span className={s.dateDay}>{MONTHS[Number(item.date.slice(5, 7)) - 1]}</span>
                </div>
                <div style={{ minWidth: 0 }}>
                  <span className="visually-hidden">{dayName(item.date)} {formatUkDate(item.date)}: </span>
                  <div>
                    <Badge appearance="tint" shape="rounded" size="small" color="informative" style={{ marginRight: 6 }}>{KIND_WORD[item.kind]}</Badge>
                    {item.link ? <a className={ui.link} href={alertHref(item.link)}>{item.title}</a> : <span className={ui.strong}>{item.title}</span>}
                  </div>
                  <div className={ui.small}>{item.detail}</div>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}

function RisksDueSection({ d }: { d: Dashboard }) {
  const s = useStyles();
  const ui = useUi();
  return (
    <Section title="Risks due for review" testId="risks-due" actions={<a className={ui.link} href={risksHref.list()}>Risk register</a>}>
      {d.risks.dueForReview.length === 0 ? <Text className={ui.muted}>No risk reviews due.</Text> : (
        <ul className={s.list}>
          {d.risks.dueForReview.map((r) => (
            <li key={r.id} style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
              <a className={ui.link} href={risksHref.review(r.id)}>{r.title}</a>
              <div className={ui.actions}>
                <BandBadge band={r.band} score={r.score} size="small" />
                <ReviewBadge state={r.reviewState} daysOverdue={r.daysOverdue} />
                <Text className={ui.small}>Review by {formatUkDate(r.nextReviewDate)}{r.owner ? ` · ${r.owner}` : ''}</Text>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

// ---- PEPs, returns, PP+ -------------------------------------------------------------------------------------

const PEP_KIND: Record<PepDue['kind'], string> = { initial: 'Initial PEP', new_school: 'New school PEP', termly: 'Termly review' };

function PepsSection({ d }: { d: Dashboard }) {
  const ui = useUi();
  const p = d.peps;
  return (
    <Section title="PEPs due this half term" testId="peps-due">
      <Text className={ui.small}>{p.halfTerm ? `${p.halfTerm.label}: ${formatUkDate(p.halfTerm.startDate)} to ${formatUkDate(p.halfTerm.endDate)}` : 'Add this year\u2019s term dates in Settings to work out PEP dates.'}</Text>
      {!p.pepDataAvailable ? <Text className={ui.small}>No PEPs are recorded yet, so dates assume no PEP has been held.</Text> : null}
      {p.dueThisHalfTerm.length === 0 ? <Text className={ui.muted}>No PEPs due this half term.</Text> : (
        <div className={ui.plainWrap}>
          <table className={ui.table} aria-label="PEPs due this half term">
            <thead><tr><th className={ui.th} scope="col">Child</th><th className={ui.th} scope="col">PEP</th><th className={ui.th} scope="col">Due</th></tr></thead>
            <tbody>
              {p.dueThisHalfTerm.map((x) => (
                <tr key={`${x.childId}-${x.kind}`}>
                  <td className={ui.td}>
                    <a className={ui.link} href={alertHref(x.link)}>{x.childName}</a>
                    <div className={ui.small}>{yearGroupLabel(x.yearGroup)}{x.laName ? ` · ${x.laName}` : ''}</div>
                  </td>
                  <td className={ui.td}>{PEP_KIND[x.kind]}<div className={ui.small}>{x.basis}</div></td>
                  <td className={mergeClasses(ui.td, ui.nowrap)}>
                    <span className={x.overdue ? ui.bad : undefined}>{formatUkDate(x.dueOn)}</span>
                    {x.overdue ? <div><Badge appearance="tint" color="danger" size="small" shape="rounded">Overdue</Badge></div> : null}
                    {x.estimated ? <div className={ui.small}>Estimated</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function ReturnsSection({ d }: { d: Dashboard }) {
  const ui = useUi();
  const r = d.returns;
  return (
    <Section title="Progress returns outstanding" testId="returns-outstanding">
      <Text className={ui.small}>{plural(r.outstanding, 'return')} outstanding, {r.overdue} overdue.</Text>
      {r.windows.length === 0 ? <Text className={ui.muted}>Every requested return is in.</Text> : r.windows.map((w) => (
        <div key={w.windowId} className={ui.stack} style={{ gap: 4 }}>
          <div className={ui.cardHeader}>
            <Text weight="semibold">{w.windowName} {w.academicYearLabel}</Text>
            <a className={ui.link} href={alertHref(w.link)} aria-label={`Open returns: ${w.windowName} ${w.academicYearLabel}`}>Open returns</a>
          </div>
          <Text className={ui.small}>
            {w.outstanding} outstanding, {w.overdue} overdue{w.earliestDueOn ? `, the earliest due ${formatUkDate(w.earliestDueOn)}` : ''}.
          </Text>
          {w.byTeacher.length ? (
            <ReturnsTeachers rows={w.byTeacher.slice(0, 5)} more={Math.max(0, w.byTeacher.length - 5)} />
          ) : null}
        </div>
      ))}
    </Section>
  );
}

const STAGE: Record<0 | 1 | 2 | 3, string> = { 0: 'Not chased', 1: 'Reminder sent', 2: 'Chased via subject leader', 3: 'Escalated' };

function ReturnsTeachers({ rows, more }: { rows: Dashboard['returns']['windows'][number]['byTeacher']; more: number }) {
  const ui = useUi();
  return (
    <table className={ui.table} aria-label="Outstanding returns by teacher">
      <thead><tr><th className={ui.th} scope="col">Teacher</th><th className={mergeClasses(ui.th, ui.num)} scope="col">Outstanding</th><th className={ui.th} scope="col">Stage</th></tr></thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.teacherId}>
            <td className={ui.td}>{t.teacherName}</td>
            <td className={mergeClasses(ui.td, ui.num)}>{t.outstanding}{t.overdue ? <span className={ui.small}> ({t.overdue} overdue)</span> : null}</td>
            <td className={ui.td}>{STAGE[t.highestStage]}</td>
          </tr>
        ))}
        {more ? <tr><td className={ui.td} colSpan={3}><span className={ui.small}>and {plural(more, 'more teacher')}</span></td></tr> : null}
      </tbody>
    </table>
  );
}

function PpPlusSection({ d }: { d: Dashboard }) {
  const ui = useUi();
  const p = d.ppPlus;
  const n = mergeClasses(ui.th, ui.num);
  const c = mergeClasses(ui.td, ui.num);
  return (
    <Section title={`Pupil Premium Plus ${p.financialYear}`} testId="ppplus-position"
      actions={<a className={ui.link} href={interventionsHref.ppPlus()}>Open PP+</a>}>
      <Text>
        {pounds(p.totals.spentPence)} spent of {pounds(p.totals.allocatedPence)} allocated ({pct(p.totals.spentPercent)});
        {' '}{pounds(p.totals.receivedPence)} received so far; {pounds(p.totals.remainingPence)} remaining.
      </Text>
      {p.warnings.length ? (
        <ul className={ui.stack} style={{ margin: 0, padding: 0, listStyle: 'none', gap: 4 }}>
          {p.warnings.slice(0, 5).map((w, k) => (
            <li key={k} className={ui.actions} style={{ flexWrap: 'nowrap', alignItems: 'flex-start' }}>
              <Badge appearance="tint" shape="rounded" color={w.severity === 'urgent' ? 'danger' : w.severity === 'warning' ? 'warning' : 'informative'}>
                {w.severity === 'urgent' ? 'Urgent' : w.severity === 'warning' ? 'Warning' : 'Note'}
              </Badge>
              <Text>{w.message}</Text>
            </li>
          ))}
          {p.warnings.length > 5 ? <li className={ui.small}>and {plural(p.warnings.length - 5, 'more warning')} on the PP+ page.</li> : null}
        </ul>
      ) : null}
      <div className={ui.plainWrap}>
        <table className={ui.table} aria-label="PP+ by local authority">
          <thead>
            <tr>
              <th className={ui.th} scope="col">Local authority</th>
              <th className={n} scope="col">Children</th>
              <th className={n} scope="col">Allocated</th>
              <th className={n} scope="col">Received</th>
              <th className={n} scope="col">Spent</th>
              <th className={n} scope="col">Remaining</th>
            </tr>
          </thead>
          <tbody>
            {p.byLa.map((la) => (
              <tr key={la.laId ?? 'none'}>
                <th scope="row" className={ui.td} style={{ textAlign: 'left', fontWeight: 'normal' }}>
                  {la.laName}
                  {la.warnings.length ? <div className={ui.warn} style={{ fontSize: 12 }}>{plural(la.warnings.length, 'warning')}</div> : null}
                </th>
                <td className={c}>{la.children}</td>
                <td className={c}>{pounds(la.allocatedPence)}</td>
                <td className={c}>{pounds(la.receivedPence)}</td>
                <td className={c}>{pounds(la.spentPence)} <span className={ui.small}>({pct(la.spentPercent)})</span></td>
                <td className={mergeClasses(c, la.remainingPence < 0 && ui.bad)}>{pounds(la.remainingPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

