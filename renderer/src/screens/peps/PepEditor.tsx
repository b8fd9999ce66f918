// The PEP editor: one PEP, its sections in the Virtual School's order with its headings. Sections
// taken from the register (the snapshot) are read-only, with "refresh from the register" while
// the PEP is a draft or ready and the register has changed; what the DT writes saves itself; targets
// get a live SMART check; each section can be copied for the LA's online ePEP form. Beside it:
// how complete the PEP is, a list of its sections, and its status history. Once submitted, the
// PEP is read-only apart from its lifecycle and the Virtual School's rating.

import {
  Badge, Button, Field, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, Text, Textarea, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_PEP_SECTIONS, PEP_KINDS, PEP_STATUS_LABELS, type AppStatus, type PepDetail, type PepSectionKey, type PepText } from '../../api/contract.ts';
import { errorMessage } from '../../api/errors.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { formatUkDate, formatUkDateTime } from '../../lib/dates.ts';
import { AutoTextArea, SaveTracker, SaveTrackerProvider, useAutosaveText, useSaveStatus } from './autosave.tsx';
import { LoadFailed, Loading, Prose, takePepFlash, usePepStyles } from './common.tsx';
import { CopySectionButton } from './CopySection.tsx';
import { LifecycleBar } from './LifecycleBar.tsx';
import { usePep, usePepOperation } from './queries.ts';
import { pepsHref } from './route.ts';
import { ActionsSection } from './sections/ActionsSection.tsx';
import { MeetingSection } from './sections/MeetingSection.tsx';
import { PreviousTargetsSection } from './sections/PreviousTargetsSection.tsx';
import {
  AttendanceSection, DetailsSection, EducationHistorySection, InterventionsSection, ProgressSection, SenSection, VoiceLogList,
} from './sections/SnapshotSections.tsx';
import { TargetsSection } from './sections/TargetsSection.tsx';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  facts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', color: tokens.colorNeutralForeground2 },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 300px',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 1180px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  aside: {
    position: 'sticky', top: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM,
    '@media (max-width: 1180px)': { position: 'static', gridRow: 1 },
  },
  asideCard: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  asideHeading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  percent: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  big: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  missing: { margin: 0, paddingInlineStart: '1.1em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  prompt: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  toc: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  tocLink: {
    display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, alignItems: 'center',
    padding: `3px ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1, textDecoration: 'none', fontSize: tokens.fontSizeBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  tocHidden: { color: tokens.colorNeutralForeground3 },
  todoDot: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  doneDot: { color: tokens.colorPaletteGreenForeground1, whiteSpace: 'nowrap' },
  saveLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '24px' },
  saving: { color: tokens.colorNeutralForeground2 },
  savedOk: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  saveError: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  history: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  section: { scrollMarginTop: tokens.spacingVerticalL },
  sectionHeading: {
    margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold,
    ':focus': { outline: 'none' }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  sectionTitle: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  todo: {
    margin: 0, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, listStyle: 'none',
    backgroundColor: tokens.colorPaletteYellowBackground1, borderRadius: tokens.borderRadiusMedium,
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200,
  },
  readOnlyField: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  fieldLabel: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  voiceTools: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  details: { fontSize: tokens.fontSizeBase300 },
  summary: { cursor: 'pointer', color: tokens.colorBrandForegroundLink, marginBottom: tokens.spacingVerticalS },
  textarea: { width: '100%' },
});

const SENT_WORDS: Partial<Record<PepDetail['status'], string>> = {
  submitted: 'This PEP has been submitted to the Virtual School',
  approved: 'The Virtual School has approved this PEP',
  superseded: 'This PEP went to the Virtual School and has since been superseded by a later one',
};

/** Sections whose content comes from the register (shown read-only). */
const FROM_REGISTER = new Set<PepSectionKey>(['details', 'education_history', 'attendance', 'progress', 'sen', 'interventions']);

export function PepEditorScreen({ status, id, section }: { status: AppStatus; id: number; section: PepSectionKey | null }) {
  const common = usePepStyles();
  const pep = usePep(id);
  if (pep.isPending) return <div className={common.page}><Loading what="PEP" /></div>;
  if (pep.error) {
    return (
      <div className={common.page}>
        <Heading focusOnMount>PEP not found</Heading>
        <LoadFailed what="PEP" error={pep.error} />
        <Link href={pepsHref.list()}>Back to the PEPs</Link>
      </div>
    );
  }
  return <PepEditor key={id} status={status} pep={pep.data} section={section} />;
}

function PepEditor({ status, pep, section }: { status: AppStatus; pep: PepDetail; section: PepSectionKey | null }) {
  const styles = useStyles();
  const common = usePepStyles();
  const tracker = useMemo(() => new SaveTracker(), []);
  const run = usePepOperation();
  const [note, setNote] = useState<string | null>(() => takePepFlash());
  const [failure, setFailure] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  // The Virtual School's sections first, then any its layout leaves out (still part of the register's PEP).
  const sections = useMemo(() => {
    const shown = pep.format.map((s) => ({ ...s, hidden: false }));
    const hidden = DEFAULT_PEP_SECTIONS.filter((d) => !pep.format.some((s) => s.key === d.key)).map((d) => ({ key: d.key, heading: d.heading, hidden: true }));
    return [...shown, ...hidden];
  }, [pep.format]);

  // #/peps/40/targets scrolls to that section.
  useEffect(() => {
    if (!section) return;
    const t = setTimeout(() => {
      const el = document.getElementById(`pep-section-${section}`);
      el?.scrollIntoView({ block: 'start' });
      el?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    }, 50);
    return () => clearTimeout(t);
  }, [section]);

  const message = (m: string) => {
    setFailure(null);
    setNote(m);
  };

  const refresh = async () => {
    setRefreshing(true);
    setFailure(null);
    try {
      await tracker.run(() => run('refreshPepSnapshot', { id: pep.id }));
      setNote('Refreshed from the register: details, attendance, progress, SEN and interventions are up to date. What you wrote is kept.');
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setRefreshing(false);
    }
  };

  const plac = pep.snapshot.child.status === 'PLAC';
  const sent = pep.status === 'submitted' || pep.status === 'approved' || pep.status === 'superseded';

  return (
    <SaveTrackerProvider value={tracker}>
      <div className={common.page}>
        <Link href={pepsHref.list()} className={common.back}>‹ All PEPs</Link>
        <div className={styles.header}>
          <Heading focusOnMount>PEP: {pep.childName}</Heading>
          <div className={styles.facts} data-testid="pep-facts">
            <Text weight="semibold">{pep.termLabel}</Text>
            <span aria-hidden="true">·</span>
            <Text>{plac ? 'Optional plan (previously looked after)' : PEP_KINDS[pep.kind]}</Text>
            <span aria-hidden="true">·</span>
            <Text>{pep.snapshot.child.yearGroupLabel}</Text>
            {pep.laName ? <><span aria-hidden="true">·</span><Badge appearance="outline" color="informative" shape="rounded">{pep.laName}</Badge></> : null}
            <span aria-hidden="true">·</span>
            <Text>Due by {formatUkDate(pep.dueBy)}</Text>
            <span aria-hidden="true">·</span>
            <Link href={`#/children/${pep.childId}`}>Child&rsquo;s file</Link>
          </div>
        </div>

        <LifecycleBar pep={pep} status={status} onMessage={message} onFailure={setFailure} />
        <SavedNote message={note} />
        <FormAlert title="That did not work" messages={failure} />

        {!pep.editable ? (
          <MessageBar intent={pep.status === 'returned' ? 'warning' : 'info'} layout="multiline" data-testid="pep-read-only">
            <MessageBarBody>
              <MessageBarTitle>Read-only.</MessageBarTitle>
              {pep.status === 'returned'
                ? ' The Virtual School returned this PEP. Reopen it as a draft to amend it, then mark it ready and submit it again.'
                : sent
                  ? ` ${SENT_WORDS[pep.status]}, so it reads exactly as it was sent. Only its status and the Virtual School's rating can change.`
                  : ' The child has left the school, so this PEP can no longer be changed.'}
            </MessageBarBody>
          </MessageBar>
        ) : pep.registerChangedSinceSnapshot ? (
          <MessageBar intent="warning" layout="multiline" data-testid="pep-snapshot-changed">
            <MessageBarBody>
              <MessageBarTitle>The register has changed since this PEP&rsquo;s figures were taken</MessageBarTitle>
              {' '}on {formatUkDateTime(pep.snapshotTakenAt)}. Refresh to bring in the latest details, attendance, progress and interventions; what you have written is kept.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void refresh()} disabled={refreshing}>{refreshing ? 'Refreshing…' : 'Refresh from the register'}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <Text className={common.muted}>
            Figures from the register as at {formatUkDate(pep.snapshot.asOf)} (taken {formatUkDateTime(pep.snapshotTakenAt)}); the register has not changed since.
          </Text>
        )}

        <div className={styles.layout}>
          <div className={styles.sections}>
            {sections.map((s) => (
              <PepSection key={s.key} pep={pep} sectionKey={s.key} heading={s.heading} hidden={s.hidden} onSaved={message} />
            ))}
          </div>
          <aside className={styles.aside} aria-label="About this PEP">
            {pep.editable ? <SaveStatusLine tracker={tracker} /> : null}
            <CompletenessCard pep={pep} />
            <SectionsNav pep={pep} sections={sections} />
            <HistoryCard pep={pep} />
          </aside>
        </div>
      </div>
    </SaveTrackerProvider>
  );
}

// ---- one section -----------------------------------------------------------------------------------

function PepSection({ pep, sectionKey: key, heading, hidden, onSaved }: {
  pep: PepDetail; sectionKey: PepSectionKey; heading: string; hidden: boolean; onSaved: (m: string) => void;
}) {
  const styles = useStyles();
  const common = usePepStyles();
  const todo = pep.editable ? pep.completeness.items.filter((i) => i.section === key && !i.done) : [];
  const headingId = `pep-h-${key}`;
  return (
    <section id={`pep-section-${key}`} className={mergeClasses(common.card, styles.section)} aria-labelledby={headingId} data-section={key}>
      <div className={common.cardHeader}>
        <div className={styles.sectionTitle}>
          <h2 id={headingId} tabIndex={-1} className={styles.sectionHeading}>{heading}</h2>
          {FROM_REGISTER.has(key) ? <Badge appearance="outline" color="informative" shape="rounded" size="small">From the register</Badge> : null}
          {hidden ? <Badge appearance="outline" color="subtle" shape="rounded" size="small">Not in this Virtual School&rsquo;s layout</Badge> : null}
        </div>
        <CopySectionButton pepId={pep.id} section={key} heading={heading} />
      </div>
      {todo.length ? (
        <ul className={styles.todo} aria-label={`Still to do in ${heading}`}>
          {todo.map((t) => <li key={t.key}><strong>To do:</strong> {t.prompt ?? t.label}</li>)}
        </ul>
      ) : null}
      <SectionBody pep={pep} sectionKey={key} onSaved={onSaved} />
    </section>
  );
}

function SectionBody({ pep, sectionKey: key, onSaved }: { pep: PepDetail; sectionKey: PepSectionKey; onSaved: (m: string) => void }) {
  const s = pep.snapshot;
  const plac = s.child.status === 'PLAC';
  switch (key) {
    case 'details': return <DetailsSection pep={pep} />;
    case 'meeting': return <MeetingSection pep={pep} />;
    case 'voice': return <VoiceSection pep={pep} />;
    case 'views':
      return (
        <>
          <TextBlock pep={pep} field="carerViews" label={plac ? "Parent's or guardian's views" : "Carer's views"} />
          {!plac || pep.text.socialWorkerViews ? <TextBlock pep={pep} field="socialWorkerViews" label="Social worker's views" /> : null}
        </>
      );
    case 'education_history': return <EducationHistorySection snapshot={s} />;
    case 'attendance':
      return (
        <>
          <AttendanceSection snapshot={s} />
          <TextBlock pep={pep} field="attendanceNotes" label="Notes on attendance (optional)" rows={2} maxLength={4000} optional />
        </>
      );
    case 'progress':
      return (
        <>
          <ProgressSection snapshot={s} />
          <TextBlock pep={pep} field="progressNotes" label="Notes on progress (optional)" rows={2} maxLength={4000} optional />
        </>
      );
    case 'sen':
      return (
        <>
          <SenSection snapshot={s} />
          {s.sen.provision !== 'N' || pep.text.senNotes ? (
            <TextBlock pep={pep} field="senNotes" label={s.sen.provision === 'E' ? 'How the PEP and the EHC plan work together' : 'How the PEP and the SEN support plan work together'} rows={3} />
          ) : null}
        </>
      );
    case 'strengths':
      return (
        <>
          <TextBlock pep={pep} field="strengths" label="Strengths and interests" rows={3} />
          <TextBlock pep={pep} field="barriers" label="Barriers to learning" rows={3} />
        </>
      );
    case 'transition': return <TransitionSection pep={pep} />;
    case 'previous_targets': return <PreviousTargetsSection pep={pep} />;
    case 'targets': return <TargetsSection pep={pep} onSaved={onSaved} />;
    case 'interventions': return <InterventionsSection snapshot={s} />;
    case 'actions': return <ActionsSection pep={pep} onSaved={onSaved} />;
  }
}

/** A text of the PEP: editable (saving itself) while draft or ready, else shown as written. */
function TextBlock({ pep, field, label, hint, rows = 4, maxLength, optional }: {
  pep: PepDetail; field: keyof PepText; label: string; hint?: string; rows?: number; maxLength?: number; optional?: boolean;
}) {
  const styles = useStyles();
  if (pep.editable) return <AutoTextArea pepId={pep.id} field={field} serverValue={pep.text[field]} label={label} hint={hint} rows={rows} maxLength={maxLength} />;
  if (optional && !pep.text[field]) return null;
  return (
    <div className={styles.readOnlyField}>
      <Text className={styles.fieldLabel}>{label}</Text>
      <Prose text={pep.text[field]} />
    </div>
  );
}

function VoiceSection({ pep }: { pep: PepDetail }) {
  if (!pep.editable) {
    return (
      <>
        {pep.text.childVoice ? <TextBlock pep={pep} field="childVoice" label="In the child's own words" /> : null}
        {pep.text.childVoiceReason || !pep.text.childVoice ? <TextBlock pep={pep} field="childVoiceReason" label="Why the child's views were not recorded" /> : null}
      </>
    );
  }
  return <EditableVoice pep={pep} />;
}

function EditableVoice({ pep }: { pep: PepDetail }) {
  const styles = useStyles();
  const common = usePepStyles();
  const voice = useAutosaveText(pep.id, 'childVoice', pep.text.childVoice, "The child's voice");
  const prefill = pep.voicePrefill;
  const canInsert = !!prefill && !voice.value.includes(prefill);
  return (
    <>
      <Field label="In the child's own words" hint="Prefilled from the voice log when the PEP was drafted. Edit it to give the child's own views on school, their targets and their support."
        validationMessage={voice.error} validationState={voice.error ? 'error' : 'none'}>
        <Textarea className={styles.textarea} value={voice.value} rows={5} resize="vertical" maxLength={8000}
          onChange={(_e, d) => voice.setValue(d.value)} onBlur={voice.onBlur} />
      </Field>
      <div className={styles.voiceTools}>
        {canInsert ? (
          <Button size="small" onClick={() => voice.setValue(voice.value.trim() ? `${voice.value.trimEnd()}\n${prefill}` : prefill!, { saveNow: true })}>
            Insert from the voice log
          </Button>
        ) : null}
        <details className={styles.details}>
          <summary className={styles.summary}>What the voice log says this term ({pep.snapshot.voiceLog.length})</summary>
          <VoiceLogList snapshot={pep.snapshot} />
        </details>
      </div>
      <AutoTextArea pepId={pep.id} field="childVoiceReason" serverValue={pep.text.childVoiceReason} rows={2} maxLength={2000}
        label="If the child's views could not be gathered, why not" hint="Only when there is no voice above, e.g. the child chose not to take part this term." />
      <Text className={common.muted} size={200}>Either the child&rsquo;s voice or the reason it was not recorded completes this section.</Text>
    </>
  );
}

function TransitionSection({ pep }: { pep: PepDetail }) {
  const common = usePepStyles();
  const t = pep.snapshot.transition;
  const yg = pep.snapshot.child.yearGroup;
  return (
    <>
      {yg !== 6 && yg < 9 ? <Text className={common.muted}>Transition and careers plans are expected in Year 6 and from Year 9; record anything relevant now.</Text> : null}
      {t.transitionNotes || t.careersPlan ? (
        <Text className={common.muted} size={200}>
          From the child&rsquo;s record: {[t.transitionNotes, t.careersPlan].filter(Boolean).join(' · ')}
        </Text>
      ) : null}
      <TextBlock pep={pep} field="transitionCareers" label={yg === 6 ? 'Transition to secondary school' : 'Transition, careers and post-16 plans'} rows={3} />
    </>
  );
}

// ---- beside the PEP ------------------------------------------------------------------------------

function SaveStatusLine({ tracker }: { tracker: SaveTracker }) {
  const styles = useStyles();
  const s = useSaveStatus(tracker);
  let content: ReactNode;
  if (s.pending > 0) content = <><Spinner size="extra-tiny" aria-hidden="true" /><span className={styles.saving}>Saving…</span></>;
  else if (s.error) content = <span className={styles.saveError}>Not saved: {s.error}</span>;
  else if (s.dirty.length) content = <span className={styles.unsaved}>Not saved yet: {s.dirty.join(', ')}</span>;
  else if (s.savedAt) content = <span className={styles.savedOk}>✓ All changes saved at {String(s.savedAt.getHours()).padStart(2, '0')}:{String(s.savedAt.getMinutes()).padStart(2, '0')}</span>;
  else content = <span className={styles.saving}>Text saves as you type. Targets, actions and attendees have their own Save buttons.</span>;
  return (
    <div className={styles.asideCard}>
      <div className={styles.saveLine} role="status" aria-live="polite" data-testid="pep-save-status">{content}</div>
    </div>
  );
}

function CompletenessCard({ pep }: { pep: PepDetail }) {
  const styles = useStyles();
  const common = usePepStyles();
  const c = pep.completeness;
  const missing = c.items.filter((i) => !i.done);
  return (
    <section className={styles.asideCard} aria-labelledby="pep-completeness-heading" data-testid="pep-completeness">
      <h2 id="pep-completeness-heading" className={styles.asideHeading}>Completeness</h2>
      <div className={styles.percent}>
        <span className={styles.big} data-testid="pep-completeness-percent">{c.percent}%</span>
        <Text className={common.muted}>{c.done} of {c.total} done</Text>
      </div>
      <ProgressBar value={c.percent / 100} thickness="large" color={c.percent === 100 ? 'success' : c.percent >= 70 ? 'brand' : 'warning'}
        aria-label="How complete the PEP is" />
      {missing.length === 0 ? <Text className={common.good}>Everything the PEP needs is filled in.</Text> : (
        <ul className={styles.missing} aria-label="Still missing">
          {missing.map((m) => (
            <li key={m.key}>
              <Link href={pepsHref.pep(pep.id, m.section)}>{m.label}</Link>
              {pep.editable && m.prompt ? <span className={styles.prompt}>{m.prompt}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SectionsNav({ pep, sections }: { pep: PepDetail; sections: { key: PepSectionKey; heading: string; hidden: boolean }[] }) {
  const styles = useStyles();
  const todo = (key: PepSectionKey) => pep.completeness.items.filter((i) => i.section === key && !i.done).length;
  const tracked = (key: PepSectionKey) => pep.completeness.items.some((i) => i.section === key);
  return (
    <nav className={styles.asideCard} aria-label="Sections of the PEP">
      <h2 className={styles.asideHeading}>Sections</h2>
      <ol className={styles.toc}>
        {sections.map((s) => {
          const n = todo(s.key);
          return (
            <li key={s.key}>
              <a href={pepsHref.pep(pep.id, s.key)} className={mergeClasses(styles.tocLink, s.hidden && styles.tocHidden)}>
                <span>{s.heading}</span>
                {n ? <span className={styles.todoDot}>{n} {pep.editable ? 'to do' : 'missing'}</span> : tracked(s.key) ? <span className={styles.doneDot} aria-label="complete">✓</span> : null}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function HistoryCard({ pep }: { pep: PepDetail }) {
  const styles = useStyles();
  const common = usePepStyles();
  const changes = [...pep.statusHistory].reverse();
  return (
    <section className={styles.asideCard} aria-labelledby="pep-history-heading">
      <h2 id="pep-history-heading" className={styles.asideHeading}>Status history</h2>
      <ol className={styles.history} data-testid="pep-status-history">
        {changes.map((c, i) => (
          <li key={i}>
            <Text size={200} weight="semibold">{formatUkDate(c.on)}</Text>{' '}
            <Text size={200}>{PEP_STATUS_LABELS[c.to]}</Text>
            {c.note ? <span className={styles.prompt}>{c.note}</span> : null}
          </li>
        ))}
        <li><Text size={200} weight="semibold">{formatUkDate(pep.createdAt)}</Text> <Text size={200}>Drafted from the register</Text></li>
      </ol>
      {pep.history.length ? (
        <details>
          <summary className={styles.summary}><Text size={200}>Who changed it</Text></summary>
          <ul className={styles.history}>
            {pep.history.slice(0, 8).map((h, i) => (
              <li key={i}><Text size={200} className={common.muted}>{formatUkDateTime(h.at)} · {h.userName ?? 'Unknown'} · {h.description}</Text></li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
