// A passphrase input with an optional live strength meter (checkPassphrase on the register side,
// so the rules shown are exactly the rules enforced).

import { Button, Field, Input, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useController, type FieldValues } from 'react-hook-form';
import type { BoundProps } from './TextField.tsx';
import type { StrengthResult } from '../api/contract.ts';
import { call } from '../api/client.ts';

const useStyles = makeStyles({
  input: { width: '100%' },
  meter: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, marginTop: tokens.spacingVerticalXS },
  problems: { margin: 0, paddingInlineStart: '1.2em', color: tokens.colorPaletteRedForeground1 },
});

const LABELS: Record<StrengthResult['strength'], string> = { 'too-weak': 'Too weak', fair: 'Fair', strong: 'Strong' };

/** Asks the register how strong a passphrase is, at most every 250 ms while typing. */
export function usePassphraseStrength(passphrase: string): StrengthResult | null {
  const [result, setResult] = useState<StrengthResult | null>(null);
  useEffect(() => {
    if (!passphrase) {
      setResult(null);
      return;
    }
    let cancelled = false;
    const t = setTimeout(() => {
      call('checkPassphrase', { passphrase }).then((r) => { if (!cancelled) setResult(r); }, () => { if (!cancelled) setResult(null); });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [passphrase]);
  return result;
}

export function problemText(problems: readonly string[]): string[] {
  return problems.map((p) => `Passphrase ${p}.`);
}

type Props<T extends FieldValues, O> = BoundProps<T, O> & {
  autoComplete: 'new-password' | 'current-password';
  /** Show a live strength meter for this field's value. */
  meter?: boolean;
};

export function PassphraseField<T extends FieldValues, O = T>(
  { control, name, label, hint, autoComplete, meter = false, required = true }: Props<T, O>,
) {
  const styles = useStyles();
  const [shown, setShown] = useState(false);
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error?.message;
  const strength = usePassphraseStrength(meter && typeof field.value === 'string' ? field.value : '');
  const meterId = useId();
  const showMeter = meter;
  const ratio = strength ? Math.min(1, Math.max(0.08, strength.bits / 90)) : 0;
  return (
    <div>
      <Field label={label} hint={hint} required={required} validationMessage={error} validationState={error ? 'error' : 'none'}>
        {(fieldProps) => (
          <Input
            {...fieldProps}
            ref={field.ref}
            name={field.name}
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={(_e, d) => field.onChange(d.value)}
            onBlur={field.onBlur}
            type={shown ? 'text' : 'password'}
            autoComplete={autoComplete}
            spellCheck={false}
            className={styles.input}
            aria-describedby={[fieldProps['aria-describedby'], showMeter ? meterId : null].filter(Boolean).join(' ') || undefined}
            contentAfter={(
              <Button appearance="transparent" size="small" aria-pressed={shown} onClick={() => setShown((s) => !s)}
                aria-label={shown ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}>
                {shown ? 'Hide' : 'Show'}
              </Button>
            )}
          />
        )}
      </Field>
      {/* Outside the Field, so the meter is not labelled as the input itself. */}
      {showMeter ? (
        <div className={styles.meter} id={meterId} aria-live="polite">
          <ProgressBar
            value={ratio}
            thickness="large"
            color={!strength ? 'brand' : strength.strength === 'strong' ? 'success' : strength.strength === 'fair' ? 'warning' : 'error'}
            aria-label="Passphrase strength"
            aria-valuetext={strength ? LABELS[strength.strength] : 'Not rated yet'}
          />
          <Text size={200}>
            {strength ? <>Strength: <strong>{LABELS[strength.strength]}</strong></> : 'Use at least 12 characters: three or four unrelated words work well.'}
          </Text>
          {strength && strength.problems.length > 0 ? (
            <ul className={styles.problems}>
              {problemText(strength.problems).map((p) => <li key={p}><Text size={200}>{p}</Text></li>)}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
