// Chase letters: what would be chased as of a date (teachers and providers, the items, the stage
// of the ladder), then one PDF with a letter per recipient. Generating records the chase against
// every item, so the returns grid shows the stage.

import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Field, Input, MessageBar, MessageBarBody, Table,
  TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { AppStatus, ChaseLetter, ChaseQueue } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SavedNote } from '../../components/FormAlert.tsx';
import { DATE_MESSAGE, formatUkDate, parseUkDate } from '../../lib/dates.ts';
import { saveExportedFiles } from '../../lib/saveFiles.ts';
import { QueryState } from '../settings/common.tsx';
import { plural, todayIso, useProgressStyles, yearShort } from './common.tsx';
import { invalidateProgress, useChaseQueue } from './queries.ts';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start', flexWrap: 'wrap' },
  button: { marginTop: '26px' },
  header: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  accordion: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, padding: tokens.spacingVerticalXS },
  ladder: { margin: 0, paddingInlineStart: '1.4em' },
});

const STAGE: Record<1 | 2 | 3, { label: string; color: 'warning' | 'severe' | 'danger' }> = {
  1: { label: 'Stage 1: reminder', color: 'warning' },
  2: { label: 'Stage 2: copied to subject leader', color: 'severe' },
  3: { label: 'Stage 3: senior leadership', color: 'danger' },
};

export function ChaseTab({ status }: { status: AppStatus }) {
  const styles = useProgressStyles();
  const own = useStyles();
  const qc = useQueryClient();
  const [text, setText] = useState(formatUkDate(todayIso()));
  const [asOf, setAsOf] = useState(todayIso());
  const [dateError, setDateError] = useState<string | null>(null);
  const queue = useChaseQueue(asOf);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const preview = (e: FormEvent) => {
    e.preventDefault();
    const iso = parseUkDate(text);
    if (!iso) {
      setDateError(DATE_MESSAGE);
      return;
    }
    setDateError(null);
    setSaved(null);
    setAsOf(iso);
  };

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await call('chaseLetters', { asOf });
      const names = await saveExportedFiles(res.files, status.shell);
      await invalidateProgress(qc);
      setSaved(`${plural(res.letters, 'letter')} about ${plural(res.items, 'overdue item')} saved as ${names.join(', ')}. Each chase is recorded: the returns grid shows the stage.`);
      setConfirming(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.stack}>
      <Text>
        Returns and providers&rsquo; session reports not received by their due date are chased up the ladder agreed in the
        SLA: a reminder to the teacher, then a chase copied to the subject leader, then escalation to senior leadership.
        Children are named by initials and year group only.
      </Text>
      <form className={own.form} onSubmit={preview} noValidate aria-label="Chase as of a date">
        <Field label="As of" hint="dd/mm/yyyy" validationMessage={dateError} validationState={dateError ? 'error' : 'none'}>
          <Input value={text} onChange={(_e, d) => setText(d.value)} inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="off" />
        </Field>
        <Button type="submit" className={own.button}>Show what would be chased</Button>
      </form>
      <SavedNote message={saved} />
      <QueryState loading={queue.isPending} error={queue.error} what="chase queue">
        {queue.data ? <QueueView q={queue.data} onGenerate={() => { setError(null); setConfirming(true); }} /> : null}
      </QueryState>
      {confirming && queue.data ? (
        <ConfirmDialog open title="Generate chase letters?" confirmLabel="Generate letters" busy={busy} error={error}
          onConfirm={generate} onCancel={() => setConfirming(false)}>
          <Text>
            {plural(queue.data.letters.length, 'letter')} as of {formatUkDate(queue.data.asOf)}, in one PDF with a page per
            letter. The chase is recorded against each of the {plural(queue.data.items, 'item')}, with the reply-by date.
          </Text>
          {queue.data.alreadyChasedToday ? (
            <Text>{plural(queue.data.alreadyChasedToday, 'item')} {queue.data.alreadyChasedToday === 1 ? 'was' : 'were'} already chased on this date: nothing new is recorded for {queue.data.alreadyChasedToday === 1 ? 'it' : 'them'}.</Text>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function QueueView({ q, onGenerate }: { q: ChaseQueue; onGenerate: () => void }) {
  const styles = useProgressStyles();
  const own = useStyles();
  const teachers = q.letters.filter((l) => l.recipientKind === 'teacher').length;
  const providers = q.letters.length - teachers;
  const byStage = [1, 2, 3].map((s) => q.letters.filter((l) => l.stage === s).length);
  return (
    <>
      <div className={styles.cards}>
        <Stat label="Letters" value={String(q.letters.length)} detail={`${plural(teachers, 'teacher')}, ${plural(providers, 'provider')}`} />
        <Stat label="Overdue items" value={String(q.items)} detail={q.alreadyChasedToday ? `${q.alreadyChasedToday} already chased on this date` : 'none chased on this date yet'} />
        <Stat label="By stage" value={`${byStage[0]} · ${byStage[1]} · ${byStage[2]}`} detail="letters at stage 1 · 2 · 3" />
      </div>
      {q.unassigned ? (
        <MessageBar intent="warning"><MessageBarBody>{plural(q.unassigned, 'overdue return')} {q.unassigned === 1 ? 'has' : 'have'} no teacher to write to. Check the timetables under Set-up.</MessageBarBody></MessageBar>
      ) : null}
      {q.calendarEstimated ? (
        <MessageBar intent="warning"><MessageBarBody>The school calendar does not cover these dates, so weekdays were counted as school days. Add the academic year&rsquo;s term dates under Settings.</MessageBarBody></MessageBar>
      ) : null}
      {q.letters.length === 0 ? (
        <Text>Nothing is overdue as of {formatUkDate(q.asOf)}: no letters to send.</Text>
      ) : (
        <>
          <div className={own.header}>
            {q.alreadyChasedToday >= q.items ? (
              <>
                <Button onClick={onGenerate}>Generate chase letters again</Button>
                <Text className={own.meta}>Every item was chased on this date already: generating again records nothing new.</Text>
              </>
            ) : <Button appearance="primary" onClick={onGenerate}>Generate chase letters</Button>}
          </div>
          <Accordion multiple collapsible className={own.accordion} aria-label="Letters that would be sent">
            {q.letters.map((l) => <LetterItem key={`${l.recipientKind}-${l.recipientId}`} l={l} />)}
          </Accordion>
        </>
      )}
    </>
  );
}

function LetterItem({ l }: { l: ChaseLetter }) {
  const own = useStyles();
  const st = STAGE[l.stage];
  const provider = l.recipientKind === 'provider';
  return (
    <AccordionItem value={`${l.recipientKind}-${l.recipientId}`}>
      <AccordionHeader>
        <span className={own.header}>
          <strong>{l.about}</strong>
          <Badge appearance="tint" color={st.color} shape="rounded">{st.label}</Badge>
          <span className={own.meta}>{plural(l.items.length, provider ? 'report' : 'return')}, reply by {formatUkDate(l.replyBy)}</span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={own.panel}>
          <Text className={own.meta}>
            To {l.to.name} ({l.to.role}){l.to.email ? `, ${l.to.email}` : ''}
            {l.cc.length ? `; copied to ${l.cc.map((c) => `${c.name} (${c.role})`).join(', ')}` : ''}.
          </Text>
          <Table size="small" aria-label={`Items in the letter about ${l.about}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Child</TableHeaderCell>
                <TableHeaderCell>{provider ? 'Session' : 'Subject'}</TableHeaderCell>
                {provider ? null : <TableHeaderCell>Class</TableHeaderCell>}
                {provider ? null : <TableHeaderCell>Window</TableHeaderCell>}
                <TableHeaderCell>Due</TableHeaderCell>
                <TableHeaderCell>School days overdue</TableHeaderCell>
                <TableHeaderCell>Stage</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {l.items.map((i) => (
                <TableRow key={`${i.kind}-${i.id}`}>
                  <TableCell>{i.initials} ({yearShort(i.yearGroup)})</TableCell>
                  <TableCell>{provider ? formatUkDate(i.sessionDate) : i.subject}</TableCell>
                  {provider ? null : <TableCell>{i.classCode ?? '—'}</TableCell>}
                  {provider ? null : <TableCell>{i.window}</TableCell>}
                  <TableCell>{formatUkDate(i.dueOn)}</TableCell>
                  <TableCell>{i.schoolDaysOverdue}</TableCell>
                  <TableCell>{i.stage}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail: string }) {
  const styles = useProgressStyles();
  return (
    <div className={styles.card}>
      <span className={styles.statLabel}>{label}</span>
      <span className={styles.statValue}>{value}</span>
      <span className={styles.small}>{detail}</span>
    </div>
  );
}
