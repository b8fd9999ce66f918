// The survey's questions, in the order they are asked: add and edit (with the answer type), move up
// and down, retire (answered questions keep their answers) or delete (never answered).

import { Badge, Button, Checkbox, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { SURVEY_ANSWER_TYPES, SURVEY_TOPICS, type SurveyAnswerType, type SurveyQuestion, type SurveyTopic } from '../../api/contract.ts';
import { errorMessage, isApiError } from '../../api/errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { useRegisterChange } from '../dashboard/queries.ts';
import { LoadFailed, Loading, Section, useUi } from '../dashboard/ui.tsx';
import { useSurveyQuestions } from './queries.ts';
import { useChangedFrom, useUnsavedChanges } from '../../app/unsavedChanges.tsx';
import { FormDialog, useDialogState } from '../../components/FormDialog.tsx';

const DEFAULT_SCALE = ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'];

export function SurveyQuestions() {
  const ui = useUi();
  const q = useSurveyQuestions();
  const run = useRegisterChange();
  const [editing, setEditing] = useState<SurveyQuestion | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SurveyQuestion | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (q.isPending) return <Loading what="survey questions" />;
  if (q.error) return <LoadFailed what="survey questions" error={q.error} />;
  const list = q.data;
  const act = async (fn: () => Promise<unknown>, message: string) => {
    setBusy(true);
    try {
      await fn();
      setFailure(null);
      setNote(message);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const move = (qn: SurveyQuestion, by: -1 | 1) => {
    const ids = list.map((x) => x.id);
    const i = ids.indexOf(qn.id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    void act(() => run('reorderSurveyQuestions', { ids }), `Moved ${by < 0 ? 'up' : 'down'}: ${qn.prompt}`);
  };
  const setActive = (qn: SurveyQuestion, active: boolean) => void act(() => run('saveSurveyQuestion', questionInput(qn, { active })),
    active ? `Asked again: ${qn.prompt}` : `Retired: ${qn.prompt}. Its answers are kept.`);
  return (
    <Section title="Survey questions" testId="survey-questions" actions={<Button appearance="primary" onClick={() => setEditing('new')}>Add a question</Button>}>
      <Text className={ui.small}>The questions are asked in this order every year. A question that has been answered can be retired (it keeps its answers) but not deleted.</Text>
      <SavedNote message={note} />
      <FormAlert messages={failure} />
      <ol style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 10 }}>
        {list.map((qn, i) => (
          <li key={qn.id} data-testid="survey-question-row" style={{ display: 'flex', gap: 12, alignItems: 'flex-start', justifyContent: 'space-between', flexWrap: 'wrap', paddingBottom: 10, borderBottom: '1px solid #e0e0e0' }}>
            <div className={ui.stack} style={{ gap: 2, flex: '1 1 360px' }}>
              <Text weight="semibold">{i + 1}. {qn.prompt}</Text>
              <div className={ui.actions}>
                <Text className={ui.small}>{SURVEY_TOPICS[qn.topic]} · {SURVEY_ANSWER_TYPES[qn.answerType]} · answered {qn.answered} {qn.answered === 1 ? 'time' : 'times'}</Text>
                {!qn.active ? <Badge appearance="outline" color="subtle" shape="rounded">Retired</Badge> : null}
              </div>
            </div>
            <div className={ui.actions}>
              <Button size="small" disabled={busy || i === 0} onClick={() => move(qn, -1)} aria-label={`Move up: ${qn.prompt}`}>Up</Button>
              <Button size="small" disabled={busy || i === list.length - 1} onClick={() => move(qn, 1)} aria-label={`Move down: ${qn.prompt}`}>Down</Button>
              <Button size="small" onClick={() => setEditing(qn)} aria-label={`Edit: ${qn.prompt}`}>Edit</Button>
              <Button size="small" disabled={busy} onClick={() => setActive(qn, !qn.active)} aria-label={`${qn.active ? 'Retire' : 'Ask again'}: ${qn.prompt}`}>{qn.active ? 'Retire' : 'Ask again'}</Button>
              {qn.answered === 0 ? <Button size="small" appearance="subtle" onClick={() => setDeleting(qn)} aria-label={`Delete: ${qn.prompt}`}>Delete</Button> : null}
            </div>
          </li>
        ))}
      </ol>
      {editing ? <QuestionDialog question={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(m) => { setFailure(null); setNote(m); }} /> : null}
      {deleting ? (
        <ConfirmDialog open title="Delete this question?" confirmLabel="Delete question" danger busy={busy}
          onConfirm={() => { const d = deleting; setDeleting(null); void act(() => run('deleteSurveyQuestion', { id: d.id }), `Deleted: ${d.prompt}`); }}
          onCancel={() => setDeleting(null)}>
          <Text>&ldquo;{deleting.prompt}&rdquo; has never been answered and will be deleted.</Text>
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}

function questionInput(q: SurveyQuestion, patch: { active?: boolean } = {}) {
  return {
    id: q.id, topic: q.topic, prompt: q.prompt, helpText: q.helpText, answerType: q.answerType,
    scaleLabels: q.answerType === 'scale' ? q.scaleLabels : null, choices: q.answerType === 'choice' ? q.choices : null,
    allowMultiple: q.answerType === 'choice' ? q.allowMultiple : false, active: patch.active ?? q.active,
  };
}

function QuestionDialog({ question: q, onClose, onSaved }: { question: SurveyQuestion | null; onClose: () => void; onSaved: (m: string) => void }) {
  const ui = useUi();
  const run = useRegisterChange();
  const dialog = useDialogState(onClose);
  const [topic, setTopic] = useState<SurveyTopic>(q?.topic ?? 'learning');
  const [prompt, setPrompt] = useState(q?.prompt ?? '');
  const [help, setHelp] = useState(q?.helpText ?? '');
  const [type, setType] = useState<SurveyAnswerType>(q?.answerType ?? 'scale');
  const [labels, setLabels] = useState<string[]>(q?.scaleLabels ?? DEFAULT_SCALE);
  const [choices, setChoices] = useState((q?.choices ?? []).join('\n'));
  const [multiple, setMultiple] = useState(q?.allowMultiple ?? false);
  const [failure, setFailure] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [dirty] = useChangedFrom([topic, prompt, help, type, labels, choices, multiple]);
  const unsaved = useUnsavedChanges(dirty && dialog.open);
  const locked = (q?.answered ?? 0) > 0;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const options = choices.split('\n').map((c) => c.trim()).filter(Boolean);
    const errs: string[] = [];
    if (!prompt.trim()) errs.push('Enter the question.');
    if (type === 'scale' && labels.some((l) => !l.trim())) errs.push('Give each point of the scale a label.');
    if (type === 'choice' && options.length < 2) errs.push('Give at least two options, one per line.');
    if (errs.length) {
      setFailure(errs);
      return;
    }
    setBusy(true);
    try {
      await run('saveSurveyQuestion', {
        ...(q ? { id: q.id, active: q.active } : {}), topic, prompt: prompt.trim(), helpText: help.trim() || null, answerType: type,
        scaleLabels: type === 'scale' ? labels.map((l) => l.trim()) : null, choices: type === 'choice' ? options : null,
        allowMultiple: type === 'choice' ? multiple : false,
      });
      onSaved(q ? `Question saved: ${prompt.trim()}` : `Question added: ${prompt.trim()}`);
      dialog.close();
    } catch (err) {
      setFailure(isApiError(err) && err.issues.length ? err.issues.map((i) => i.message) : [errorMessage(err)]);
      setBusy(false);
    }
  };
  return (
    <FormDialog state={dialog} unsaved={unsaved} title={q ? 'Edit question' : 'Add a question'} submitLabel={q ? 'Save question' : 'Add question'} busy={busy}
      failure={failure} failureTitle="The question was not saved" onSubmit={submit}>
      <Field label="Question" required><Input className={ui.control} value={prompt} onChange={(_e, d) => setPrompt(d.value)} /></Field>
      <Field label="Help for the adult asking (optional)"><Input className={ui.control} value={help} onChange={(_e, d) => setHelp(d.value)} /></Field>
      <div className={ui.formGrid2}>
        <Field label="Topic">
          <Select value={topic} onChange={(_e, d) => setTopic(d.value as SurveyTopic)}>
            {Object.entries(SURVEY_TOPICS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </Select>
        </Field>
        <Field label="Answer type" hint={locked ? 'This question has answers, so its type cannot change.' : undefined}>
          <Select value={type} disabled={locked} onChange={(_e, d) => setType(d.value as SurveyAnswerType)}>
            {Object.entries(SURVEY_ANSWER_TYPES).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </Select>
        </Field>
      </div>
      {type === 'scale' ? (
        <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
          <legend><Text weight="semibold">Scale labels</Text></legend>
          <div className={ui.formGrid}>
            {labels.map((l, i) => (
              <Field key={i} label={`Label for ${i + 1}`}>
                <Input className={ui.control} value={l} onChange={(_e, d) => setLabels((ls) => ls.map((x, j) => (j === i ? d.value : x)))} />
              </Field>
            ))}
          </div>
        </fieldset>
      ) : null}
      {type === 'choice' ? (
        <>
          <Field label="Options" hint="One per line, from 2 to 12.">
            <Textarea value={choices} onChange={(_e, d) => setChoices(d.value)} rows={5} resize="vertical" />
          </Field>
          <Checkbox label="The child may choose more than one" checked={multiple} onChange={(_e, d) => setMultiple(d.checked === true)} />
        </>
      ) : null}
    </FormDialog>
  );
}
