// Entering one child's survey answers for a year, with the DT: each question by its answer type
// (a 1–5 scale with a label on each point, yes/no, a choice, or free text). Saved per child per year.

import { Button, Checkbox, Field, Input, Link, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AppStatus, Input as ApiInput, SurveyQuestion, SurveyResponseForm } from '../../api/contract.ts';
import { errorMessage, isApiError } from '../../api/errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { DATE_MESSAGE, DATE_PLACEHOLDER, formatUkDate, parseUkDate } from '../../lib/dates.ts';
import { useRegisterChange } from '../dashboard/queries.ts';
import { LoadFailed, Loading, Section, todayIso, useUi } from '../dashboard/ui.tsx';
import { useSurveyResponse } from './queries.ts';
import { go, reportsHref } from './route.ts';
import { useChangedFrom, useUnsavedChanges } from '../../app/unsavedChanges.tsx';

interface Answer { scale: number | null; yesNo: boolean | null; choices: string[]; text: string }
const EMPTY: Answer = { scale: null, yesNo: null, choices: [], text: '' };

export function SurveyResponseScreen({ year, childId, status }: { year: string; childId: number; status: AppStatus }) {
  const ui = useUi();
  const q = useSurveyResponse(childId, year);
  return (
    <div className={ui.stack}>
      <Link href={reportsHref.survey()} className={ui.back}>‹ The {year} survey</Link>
      {q.isPending ? <Loading what="survey" /> : q.error ? <LoadFailed what="survey" error={q.error} /> : (
        <ResponseForm form={q.data} year={year} defaultBy={status.session?.name ?? ''} />
      )}
    </div>
  );
}

function ResponseForm({ form, year, defaultBy }: { form: SurveyResponseForm; year: string; defaultBy: string }) {
  const ui = useUi();
  const run = useRegisterChange();
  const r = form.response;
  const [answeredOn, setAnsweredOn] = useState(formatUkDate(r?.answeredOn ?? todayIso()));
  const [enteredBy, setEnteredBy] = useState(r?.enteredBy ?? defaultBy);
  const [answers, setAnswers] = useState<Record<number, Answer>>(() => Object.fromEntries((r?.answers ?? []).map((a) => [a.questionId, {
    scale: a.scale, yesNo: a.yesNo, choices: a.choices ?? [], text: a.text ?? '',
  }])));
  const [dateError, setDateError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [dirty, markSaved] = useChangedFrom([answeredOn, enteredBy, answers]);
  const unsaved = useUnsavedChanges(dirty);
  const set = (id: number, patch: Partial<Answer>) => setAnswers((a) => ({ ...a, [id]: { ...(a[id] ?? EMPTY), ...patch } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNote(null);
    const iso = parseUkDate(answeredOn);
    setDateError(iso ? undefined : DATE_MESSAGE);
    if (!iso) return;
    const list = form.questions.flatMap((qn): ApiInput<'saveSurveyResponse'>['answers'] => {
      const a = answers[qn.id];
      if (!a) return [];
      if (qn.answerType === 'scale') return a.scale ? [{ questionId: qn.id, scale: a.scale }] : [];
      if (qn.answerType === 'yes_no') return a.yesNo !== null ? [{ questionId: qn.id, yesNo: a.yesNo }] : [];
      if (qn.answerType === 'choice') return a.choices.length ? [{ questionId: qn.id, choices: a.choices }] : [];
      return a.text.trim() ? [{ questionId: qn.id, text: a.text.trim() }] : [];
    });
    setBusy(true);
    try {
      await run('saveSurveyResponse', { childId: form.childId, year, answeredOn: iso, enteredBy: enteredBy.trim() || null, answers: list });
      markSaved();
      setFailure([]);
      setNote(`${form.childName}'s answers for ${year} are saved (${list.length} of ${form.questions.length} questions answered).`);
    } catch (err) {
      setFailure(isApiError(err) && err.issues.length ? err.issues.map((i) => i.message) : [errorMessage(err)]);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await run('deleteSurveyResponse', { childId: form.childId, year });
      unsaved.saved(); // the response is gone: nothing left to keep
      go(reportsHref.survey());
    } catch (err) {
      setFailure([errorMessage(err)]);
      setBusy(false);
      setConfirmDelete(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className={ui.stack} aria-labelledby="survey-response-title">
      <h2 id="survey-response-title" className={ui.cardTitle}>Survey: {form.childName} ({form.yearGroupLabel}), {year}</h2>
      <Text>{r ? `Answers recorded on ${formatUkDate(r.answeredOn)}${r.enteredBy ? ` with ${r.enteredBy}` : ''}.` : 'No answers recorded yet this year.'} Leave a question blank if the child did not want to answer.</Text>
      <div className={ui.formGrid}>
        <Field label="Date answered" required hint="dd/mm/yyyy" validationMessage={dateError} validationState={dateError ? 'error' : 'none'}>
          <Input className={ui.control} placeholder={DATE_PLACEHOLDER} inputMode="numeric" value={answeredOn} onChange={(_e, d) => setAnsweredOn(d.value)} />
        </Field>
        <Field label="Entered with the child by"><Input className={ui.control} value={enteredBy} onChange={(_e, d) => setEnteredBy(d.value)} /></Field>
      </div>
      {form.questions.map((qn, i) => (
        <Section key={qn.id} title={`${i + 1}. ${qn.prompt}`} level={3} id={`question-${qn.id}`} testId="survey-question">
          {qn.helpText ? <Text className={ui.small}>{qn.helpText}</Text> : null}
          {!qn.active ? <Text className={ui.small}>This question has been retired; the answer is kept.</Text> : null}
          <AnswerInput q={qn} a={answers[qn.id] ?? EMPTY} onChange={(p) => set(qn.id, p)} />
          {qn.answerType !== 'text' && (answers[qn.id]?.scale || answers[qn.id]?.yesNo !== null && answers[qn.id]?.yesNo !== undefined || answers[qn.id]?.choices.length) ? (
            <div><Button size="small" appearance="subtle" onClick={() => set(qn.id, EMPTY)} aria-label={`Clear answer to question ${i + 1}`}>Clear answer</Button></div>
          ) : null}
        </Section>
      ))}
      <SavedNote message={note} />
      <FormAlert title="The answers were not saved" messages={failure} />
      <div className={ui.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>{busy ? 'Saving…' : 'Save answers'}</Button>
        {r ? <Button appearance="subtle" onClick={() => setConfirmDelete(true)}>Delete this response</Button> : null}
      </div>
      {confirmDelete ? (
        <ConfirmDialog open title="Delete this response?" confirmLabel="Delete response" danger busy={busy} onConfirm={() => void remove()} onCancel={() => setConfirmDelete(false)}>
          <Text>{form.childName}&rsquo;s answers for {year} will be deleted.</Text>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}

function AnswerInput({ q, a, onChange }: { q: SurveyQuestion; a: Answer; onChange: (p: Partial<Answer>) => void }) {
  const ui = useUi();
  const labelledBy = `question-${q.id}`;
  if (q.answerType === 'scale') {
    return (
      <RadioGroup aria-labelledby={labelledBy} layout="horizontal" value={a.scale ? String(a.scale) : ''} onChange={(_e, d) => onChange({ scale: Number(d.value) })}>
        {(q.scaleLabels ?? ['1', '2', '3', '4', '5']).map((l, i) => <Radio key={i} value={String(i + 1)} label={`${i + 1}: ${l}`} />)}
      </RadioGroup>
    );
  }
  if (q.answerType === 'yes_no') {
    return (
      <RadioGroup aria-labelledby={labelledBy} layout="horizontal" value={a.yesNo === null ? '' : a.yesNo ? 'yes' : 'no'} onChange={(_e, d) => onChange({ yesNo: d.value === 'yes' })}>
        <Radio value="yes" label="Yes" />
        <Radio value="no" label="No" />
      </RadioGroup>
    );
  }
  if (q.answerType === 'choice') {
    const options = q.choices ?? [];
    if (q.allowMultiple) {
      return (
        <div role="group" aria-labelledby={labelledBy} className={ui.actions}>
          {options.map((o) => (
            <Checkbox key={o} label={o} checked={a.choices.includes(o)}
              onChange={(_e, d) => onChange({ choices: d.checked === true ? [...a.choices, o] : a.choices.filter((c) => c !== o) })} />
          ))}
        </div>
      );
    }
    return (
      <RadioGroup aria-labelledby={labelledBy} value={a.choices[0] ?? ''} onChange={(_e, d) => onChange({ choices: [d.value] })}>
        {options.map((o) => <Radio key={o} value={o} label={o} />)}
      </RadioGroup>
    );
  }
  return (
    <Field label="The child's answer, in their words">
      <Textarea value={a.text} onChange={(_e, d) => onChange({ text: d.value })} rows={3} resize="vertical" />
    </Field>
  );
}
