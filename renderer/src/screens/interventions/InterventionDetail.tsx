// One intervention: what it is, its cost and funding, its sessions (record one, correct or remove
// one), and its impact rating with the evidence behind it.

import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  IMPACT_RATINGS, PEP_STATUS_LABELS, rateInterventionInput, type InterventionDetail as Detail, type PepStatus,
} from '../../api/contract.ts';
import { errorMessage } from '../../api/errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/TextField.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { submitErrors, ukDate } from '../../lib/forms.ts';
import { RadioField } from '../children/fields.tsx';
import { childrenHref } from '../children/route.ts';
import { pepsHref } from '../peps/route.ts';
import { useRegisterChange } from '../dashboard/queries.ts';
import { Details, LoadFailed, Loading, Section, StatTile, dayName, pct, pounds, setFlash, takeFlash, todayIso, useUi, yearGroupLabel } from '../dashboard/ui.tsx';
import { FUNDING_SHORT, FundingBadge, ImpactBadge, StateBadge, deliveredByText, interventionTitle } from './common.tsx';
import { useIntervention } from './queries.ts';
import { go, interventionsHref } from './route.ts';
import { useUnsavedChanges } from '../../app/unsavedChanges.tsx';
import { FormDialog, useDialogState } from '../../components/FormDialog.tsx';

export function InterventionDetailScreen({ id }: { id: number }) {
  const ui = useUi();
  const q = useIntervention(id);
  if (q.isPending) return <div className={ui.page}><Loading what="intervention" /></div>;
  if (q.error) {
    return (
      <div className={ui.page}>
        <Heading focusOnMount>Intervention not found</Heading>
        <LoadFailed what="intervention" error={q.error} />
        <Link href={interventionsHref.list()}>Back to the interventions</Link>
      </div>
    );
  }
  return <DetailView i={q.data} />;
}

function DetailView({ i }: { i: Detail }) {
  const ui = useUi();
  const run = useRegisterChange();
  const [note, setNote] = useState<string | null>(() => takeFlash());
  const [failure, setFailure] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'rate' | 'delete' | null>(null);
  const [deleting, setDeleting] = useState(false);

  const remove = async () => {
    setDeleting(true);
    setFailure(null);
    try {
      await run('deleteIntervention', { id: i.id });
      setFlash(`The ${i.kindLabel.toLowerCase()} intervention for ${i.childName} has been deleted.`);
      go(interventionsHref.list());
    } catch (e) {
      setFailure(errorMessage(e));
      setDeleting(false);
      setDialog(null);
    }
  };

  return (
    <div className={ui.page}>
      <Link href={interventionsHref.list()} className={ui.back}>‹ All interventions</Link>
      <div className={ui.cardHeader}>
        <div className={ui.stack} style={{ gap: 4 }}>
          <Heading focusOnMount>{interventionTitle(i)}: {i.childName}</Heading>
          <div className={ui.actions}>
            <StateBadge state={i.state} />
            <FundingBadge source={i.fundingSource} />
            <ImpactBadge rating={i.impactRating} />
            <Text className={ui.small}>{yearGroupLabel(i.yearGroup)} · {deliveredByText(i)}</Text>
          </div>
        </div>
        {i.editable ? (
          <div className={ui.actions}>
            <Button appearance="primary" as="a" href={interventionsHref.edit(i.id)}>Edit</Button>
            <Button onClick={() => setDialog('rate')}>Rate impact</Button>
            <Button appearance="subtle" onClick={() => setDialog('delete')}>Delete</Button>
          </div>
        ) : null}
      </div>
      <SavedNote message={note} />
      <FormAlert messages={failure} />

      <div className={ui.tiles}>
        <StatTile label="Sessions attended" value={`${i.sessionsAttended} of ${i.sessionsRecorded}`} detail={i.attendanceRate === null ? 'No sessions recorded yet' : `${pct(i.attendanceRate)} attendance`}
          tone={i.attendanceRate !== null && i.attendanceRate < 80 ? 'warning' : 'brand'} testId="sessions-attended" />
        <StatTile label="Sessions planned" value={i.sessionsPlanned} detail={i.sessionsPlanned > i.sessionsRecorded ? `${i.sessionsPlanned - i.sessionsRecorded} still to run` : 'All recorded'} />
        <StatTile label="Cost" value={pounds(i.costPence)} detail={`${FUNDING_SHORT[i.fundingSource]}, financial year ${i.financialYear}`} />
        <StatTile label="Last session" value={i.lastSessionOn ? formatUkDate(i.lastSessionOn) : '—'} detail={i.lastSessionOn ? dayName(i.lastSessionOn) : 'None yet'} />
      </div>

      <Section title="Details">
        <Details items={[
          ['Child', <a key="c" className={ui.link} href={childrenHref.file(i.childId)}>{i.childName}</a>],
          ['Type', i.kindLabel],
          ['Subject', i.subjectName],
          ['Delivered by', i.providerName ? `${i.providerName} (external)${i.deliveredBy ? `, ${i.deliveredBy}` : ''}` : `${i.deliveredBy ?? ''} (in school)`],
          ['Dates', `${formatUkDate(i.startDate)} to ${i.endDate ? formatUkDate(i.endDate) : 'no end date'}`],
          ['Cost', `${pounds(i.costPence)}, funded by ${FUNDING_SHORT[i.fundingSource]}`],
          ['Baseline', i.baselineMeasure || i.baselineValue ? `${i.baselineMeasure ? `${i.baselineMeasure}: ` : ''}${i.baselineValue ?? 'not recorded'}` : null],
          ['Outcome', i.outcomeMeasure || i.outcomeValue ? `${i.outcomeMeasure ? `${i.outcomeMeasure}: ` : ''}${i.outcomeValue ?? 'not measured yet'}` : null],
          ['Impact', IMPACT_RATINGS[i.impactRating]],
          ['Evidence', i.evidenceNote],
        ]} />
      </Section>
      <PepTargetsSection i={i} />
      <SessionsSection i={i} onSaved={(m) => { setFailure(null); setNote(m); }} />

      {dialog === 'rate' ? <RateDialog i={i} onClose={() => setDialog(null)} onSaved={(m) => setNote(m)} /> : null}
      {dialog === 'delete' ? (
        <ConfirmDialog open title="Delete this intervention?" confirmLabel="Delete intervention" danger busy={deleting}
          onConfirm={remove} onCancel={() => setDialog(null)}>
          <Text>
            The {i.kindLabel.toLowerCase()} intervention for {i.childName} and its {i.sessionsRecorded} recorded {i.sessionsRecorded === 1 ? 'session' : 'sessions'} will
            be deleted. Its cost ({pounds(i.costPence)}) will no longer count in the {FUNDING_SHORT[i.fundingSource]} spending.
          </Text>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

// ---- PEP targets ----------------------------------------------------------------------------------

/** The PEP targets this intervention supports; the link itself is made on the PEP's target. */
function PepTargetsSection({ i }: { i: Detail }) {
  const ui = useUi();
  return (
    <Section title="PEP targets it supports" testId="intervention-pep-targets">
      {i.pepTargets.length === 0 ? (
        <Text>
          Not linked to a PEP target yet. To link it, edit a target in {i.childName}&apos;s PEP and choose this intervention
          there. <a className={ui.link} href={pepsHref.list()}>Open the PEPs</a>
        </Text>
      ) : (
        <ul className={ui.stack} style={{ margin: 0, paddingInlineStart: 20 }}>
          {i.pepTargets.map((t) => (
            <li key={t.targetId}>
              <a className={ui.link} href={pepsHref.pep(t.pepId, 'targets')}>{t.term} term {t.academicYear} PEP</a>
              {` (${PEP_STATUS_LABELS[t.pepStatus as PepStatus] ?? t.pepStatus}): `}
              {t.area ? `${t.area}: ` : ''}{t.target}{t.byWhen ? `, by ${formatUkDate(t.byWhen)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

// ---- sessions -------------------------------------------------------------------------------------

const sessionForm = z.object({
  date: ukDate('the date of the session'),
  attended: z.enum(['yes', 'no'], { error: 'Say whether the child attended.' }),
  note: z.string().trim().max(500, 'Must be at most 500 characters.'),
});

const useSessionStyles = makeStyles({
  sessionForm: {
    display: 'grid', gridTemplateColumns: '170px auto minmax(200px, 1fr) auto', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, alignItems: 'start',
    '@media (max-width: 1000px)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  },
});

function SessionsSection({ i, onSaved }: { i: Detail; onSaved: (m: string) => void }) {
  const ui = { ...useUi(), ...useSessionStyles() };
  const run = useRegisterChange();
  const [failure, setFailure] = useState<string[]>([]);
  const [busyDate, setBusyDate] = useState<string | null>(null);
  const { control, handleSubmit, setError, reset, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof sessionForm>, unknown, z.output<typeof sessionForm>>({
    resolver: zodResolver(sessionForm),
    defaultValues: { date: formatUkDate(todayIso()), attended: 'yes', note: '' },
  });
  useUnsavedChanges(isDirty);
  const onSubmit = handleSubmit(async (v) => {
    setFailure([]);
    try {
      const already = i.sessions.some((x) => x.date === v.date);
      await run('recordInterventionSessions', { interventionId: i.id, sessions: [{ date: v.date, attended: v.attended === 'yes', note: v.note || null }] });
      reset({ date: formatUkDate(todayIso()), attended: 'yes', note: '' });
      onSaved(`${already ? 'Session corrected' : 'Session recorded'}: ${formatUkDate(v.date)}, ${v.attended === 'yes' ? 'attended' : 'did not attend'}.`);
    } catch (e) {
      setFailure(submitErrors(e, setError, ['date', 'note'], { 'sessions.0.date': 'date', 'sessions.0.note': 'note' }));
    }
  });
  const change = async (date: string, action: 'toggle' | 'remove', attended: boolean) => {
    setBusyDate(date);
    setFailure([]);
    try {
      if (action === 'remove') {
        await run('deleteInterventionSessions', { interventionId: i.id, dates: [date] });
        onSaved(`Session of ${formatUkDate(date)} removed.`);
      } else {
        const old = i.sessions.find((x) => x.date === date);
        await run('recordInterventionSessions', { interventionId: i.id, sessions: [{ date, attended: !attended, note: old?.note ?? null }] });
        onSaved(`Session of ${formatUkDate(date)} now marked as ${attended ? 'did not attend' : 'attended'}.`);
      }
    } catch (e) {
      setFailure([errorMessage(e)]);
    } finally {
      setBusyDate(null);
    }
  };
  const sessions = [...i.sessions].reverse();
  return (
    <Section title="Sessions" testId="sessions">
      {i.editable ? (
        <form onSubmit={onSubmit} noValidate aria-label="Record a session" className={ui.stack}>
          <div className={ui.sessionForm}>
            <DateField label="Session date" required control={control} name="date" />
            <RadioField label="Attendance" required control={control} name="attended"
              options={[{ value: 'yes', label: 'Attended' }, { value: 'no', label: 'Did not attend' }]} />
            <TextField label="Note" hint="Optional, e.g. what was covered or why missed" control={control} name="note" />
            <Button type="submit" disabled={isSubmitting} style={{ marginTop: 26 }}>{isSubmitting ? 'Recording…' : 'Record session'}</Button>
          </div>
          <FormAlert title="The session was not recorded" messages={failure} />
        </form>
      ) : null}
      {sessions.length === 0 ? <Text className={ui.muted}>No sessions recorded yet.</Text> : (
        <div className={ui.plainWrap}>
          <table className={ui.table} aria-label="Recorded sessions">
            <thead>
              <tr>
                <th className={ui.th} scope="col">Date</th>
                <th className={ui.th} scope="col">Attendance</th>
                <th className={ui.th} scope="col">Note</th>
                {i.editable ? <th className={ui.th} scope="col"><span className="visually-hidden">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {sessions.map((x) => (
                <tr key={x.id} data-testid="session-row">
                  <td className={mergeClasses(ui.td, ui.nowrap)}>{dayName(x.date).slice(0, 3)} {formatUkDate(x.date)}</td>
                  <td className={ui.td}>
                    <Badge appearance="tint" shape="rounded" color={x.attended ? 'success' : 'danger'} style={{ whiteSpace: 'nowrap' }}>{x.attended ? 'Attended' : 'Did not attend'}</Badge>
                  </td>
                  <td className={ui.td}>{x.note ?? ''}</td>
                  {i.editable ? (
                    <td className={ui.td}>
                      <div className={ui.actions} style={{ justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
                        <Button size="small" disabled={busyDate === x.date} onClick={() => change(x.date, 'toggle', x.attended)}
                          aria-label={`${x.attended ? 'Mark absent' : 'Mark attended'} on ${formatUkDate(x.date)}`}>
                          {x.attended ? 'Mark absent' : 'Mark attended'}
                        </Button>
                        <Button size="small" appearance="subtle" disabled={busyDate === x.date} onClick={() => change(x.date, 'remove', x.attended)}
                          aria-label={`Remove the session of ${formatUkDate(x.date)}`}>Remove</Button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

// ---- impact ---------------------------------------------------------------------------------------

const rateForm = z.object({ impactRating: z.string(), evidenceNote: z.string(), outcomeValue: z.string() });

function RateDialog({ i, onClose, onSaved }: { i: Detail; onClose: () => void; onSaved: (m: string) => void }) {
  const run = useRegisterChange();
  const dialog = useDialogState(onClose);
  const [failure, setFailure] = useState<string[]>([]);
  const schema = rateForm.transform((v) => ({ id: i.id, ...v }) as z.input<typeof rateInterventionInput>).pipe(rateInterventionInput);
  const { control, handleSubmit, setError, formState: { isSubmitting, isDirty } } = useForm<z.input<typeof rateForm>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { impactRating: i.impactRating, evidenceNote: i.evidenceNote ?? '', outcomeValue: i.outcomeValue ?? '' },
  });
  const unsaved = useUnsavedChanges(isDirty && dialog.open);
  const onSubmit = handleSubmit(async (body) => {
    setFailure([]);
    try {
      const saved = await run('rateInterventionImpact', body);
      onSaved(`Impact rated: ${IMPACT_RATINGS[saved.impactRating]}.`);
      dialog.close();
    } catch (e) {
      setFailure(submitErrors(e, setError, Object.keys(rateForm.shape)));
    }
  });
  return (
    <FormDialog state={dialog} unsaved={unsaved} title="Rate the impact" submitLabel="Save rating" busy={isSubmitting} failure={failure}
      failureTitle="The rating was not saved" onSubmit={onSubmit}
      intro={i.outcomeMeasure ? `Outcome measure: ${i.outcomeMeasure}${i.baselineValue ? ` (baseline ${i.baselineValue})` : ''}.` : undefined}>
      <SelectField label="Impact rating" required control={control} name="impactRating">
        {Object.entries(IMPACT_RATINGS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
      </SelectField>
      <TextField label="Outcome" hint="The outcome measure's value now" control={control} name="outcomeValue" />
      <TextAreaField label="Evidence of impact" hint="Needed for any rating other than Not assessed yet" control={control} name="evidenceNote" rows={3} />
    </FormDialog>
  );
}
