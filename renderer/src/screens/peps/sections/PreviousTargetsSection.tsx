// The review of the previous PEP's targets: for each, met / partly met / not met with a note, and
// whether it carries forward into this PEP's targets (yes by default when partly or not met).

import { Badge, Button, Checkbox, Field, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { TARGET_OUTCOMES, type PepDetail, type PepReview, type TargetOutcome } from '../../../api/contract.ts';
import { errorMessage } from '../../../api/errors.ts';
import { formatUkDate } from '../../../lib/dates.ts';
import { useDirtyFlag, useSaveTracker } from '../autosave.tsx';
import { usePepStyles } from '../common.tsx';
import { usePepOperation } from '../queries.ts';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: 'none' },
  item: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  target: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

const OUTCOME_COLOURS: Record<TargetOutcome, 'success' | 'warning' | 'danger'> = { met: 'success', partly: 'warning', not_met: 'danger' };

export function PreviousTargetsSection({ pep }: { pep: PepDetail }) {
  const styles = useStyles();
  const common = usePepStyles();
  if (pep.previousTargets.length === 0) {
    return <Text className={common.muted}>{pep.kind === 'initial' ? 'This is the first PEP at this school: there are no previous targets to review.' : 'The previous PEP set no targets.'}</Text>;
  }
  return (
    <ol className={styles.list} aria-label="Previous targets">
      {pep.previousTargets.map((r, i) => (
        <li key={r.id} className={styles.item} data-testid="pep-review">
          <ReviewItem pep={pep} review={r} number={i + 1} />
        </li>
      ))}
    </ol>
  );
}

function ReviewItem({ pep, review: r, number }: { pep: PepDetail; review: PepReview; number: number }) {
  const styles = useStyles();
  const common = usePepStyles();
  return (
    <>
      <div className={styles.head}>
        <Text weight="semibold">Previous target {number}</Text>
        {r.area ? <Badge appearance="tint" color="brand" shape="rounded">{r.area}</Badge> : null}
        <Text className={common.muted} size={200}>Set at the {r.sourceLabel} PEP</Text>
        {!pep.editable && r.outcome ? <Badge appearance="tint" color={OUTCOME_COLOURS[r.outcome]} shape="rounded">{TARGET_OUTCOMES[r.outcome]}</Badge> : null}
      </div>
      <p className={styles.target}>{r.target}</p>
      <Text className={common.muted} size={200}>
        {[r.successCriteria ? `Success criteria: ${r.successCriteria}` : null, r.byWhen ? `By ${formatUkDate(r.byWhen)}` : null, r.who ? `Led by ${r.who}` : null]
          .filter(Boolean).join(' · ')}
      </Text>
      {pep.editable ? <ReviewForm review={r} number={number} /> : (
        <>
          {!r.outcome ? <Text className={common.muted}>Not reviewed.</Text> : null}
          {r.note ? <Text>{r.note}</Text> : null}
          {r.carryForward ? <Text className={common.muted} size={200}>Carried forward into this PEP&rsquo;s targets.</Text> : null}
        </>
      )}
    </>
  );
}

function ReviewForm({ review: r, number }: { review: PepReview; number: number }) {
  const styles = useStyles();
  const tracker = useSaveTracker();
  const run = usePepOperation();
  const [outcome, setOutcome] = useState<TargetOutcome | ''>(r.outcome ?? '');
  const [note, setNote] = useState(r.note ?? '');
  const [carry, setCarry] = useState(r.carryForward);
  const [carryTouched, setCarryTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const dirty = (outcome || null) !== r.outcome || note.trim() !== (r.note ?? '') || carry !== r.carryForward;
  useDirtyFlag(`review:${r.id}`, `Previous target ${number}`, dirty);

  const choose = (o: TargetOutcome | '') => {
    setOutcome(o);
    setSaved(null);
    // Partly or not met carries forward unless the DT has said otherwise.
    if (!carryTouched) setCarry(o === 'partly' || o === 'not_met');
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const fresh = await tracker.run(() => run('reviewPreviousTarget', { id: r.id, outcome: outcome || null, note: note.trim() || null, carryForward: carry }));
      const now = fresh.previousTargets.find((x) => x.id === r.id);
      setSaved(now?.carryForward ? 'Saved: carried forward into the new targets.' : 'Saved.');
      setCarryTouched(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className={styles.form}>
        <Field label="Outcome">
          <RadioGroup layout="horizontal" value={outcome} onChange={(_e, d) => choose(d.value as TargetOutcome | '')}>
            {(Object.keys(TARGET_OUTCOMES) as TargetOutcome[]).map((o) => <Radio key={o} value={o} label={TARGET_OUTCOMES[o]} />)}
            <Radio value="" label="Not reviewed yet" />
          </RadioGroup>
        </Field>
        <Field label="Note on the outcome">
          <Textarea value={note} rows={2} resize="vertical" maxLength={2000} onChange={(_e, d) => { setNote(d.value); setSaved(null); }} />
        </Field>
      </div>
      <Checkbox checked={carry} label="Carry this target forward into this PEP's new targets"
        onChange={(_e, d) => { setCarry(d.checked === true); setCarryTouched(true); setSaved(null); }} />
      <div className={styles.footer}>
        <Button appearance="primary" size="small" onClick={() => void save()} disabled={busy || !dirty} aria-label={`Save review of previous target ${number}`}>
          {busy ? 'Saving…' : 'Save review'}
        </Button>
        <span role="status" className={error ? styles.error : dirty ? styles.unsaved : undefined}>{error ?? (dirty ? 'Unsaved changes' : saved ?? '')}</span>
      </div>
    </>
  );
}
