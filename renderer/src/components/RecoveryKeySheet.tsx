// A recovery key, shown once: the printable sheet, Print and Copy, and the confirmation that it has
// been kept. Used straight after the register is created and when the DT issues a new key.

import { Button, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatUkDate } from '../lib/dates.ts';

const usePrintStyles = makeStaticStyles({
  '@media print': {
    'body *': { visibility: 'hidden' },
    '#recovery-key-sheet, #recovery-key-sheet *': { visibility: 'visible' },
    '#recovery-key-sheet': { position: 'absolute', left: '0', top: '0', width: '100%' },
  },
});

const useStyles = makeStyles({
  sheet: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  key: {
    fontFamily: "'Cascadia Mono', Consolas, 'DejaVu Sans Mono', 'Courier New', monospace",
    fontSize: '28px',
    lineHeight: '1.5',
    fontWeight: tokens.fontWeightSemibold,
    letterSpacing: '0.06em',
    wordSpacing: '0.2em',
    textAlign: 'center',
    userSelect: 'all',
    overflowWrap: 'anywhere',
    margin: `${tokens.spacingVerticalS} 0`,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

export interface RecoveryKeySheetProps {
  recoveryKey: string;
  schoolName: string;
  /** 'created' at first run; 'replaced' when a new key replaces the old one. */
  occasion: 'created' | 'replaced';
  doneLabel: string;
  onDone: () => void;
  testId: string;
}

export function RecoveryKeySheet({ recoveryKey, schoolName, occasion, doneLabel, onDone, testId }: RecoveryKeySheetProps) {
  usePrintStyles();
  const styles = useStyles();
  const [confirmed, setConfirmed] = useState(false);
  const [showError, setShowError] = useState(false);
  const [copyNote, setCopyNote] = useState('');
  const today = formatUkDate(new Date().toISOString().slice(0, 10));
  const which = occasion === 'created' ? 'the recovery key' : 'the new recovery key';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopyNote('Copied. Paste it somewhere safe, then clear your clipboard.');
    } catch {
      setCopyNote('Copying is not allowed here: select the key and copy it by hand.');
    }
  };

  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This is shown only once.</MessageBarTitle>
          {occasion === 'created'
            ? <>If everyone forgets their passphrase, this key is the only way into the register. Nobody, including the app&rsquo;s makers, can recover the data without it.</>
            : <>Print it or write it down now. The old recovery key no longer works.</>}
        </MessageBarBody>
      </MessageBar>
      <section id="recovery-key-sheet" className={styles.sheet} aria-labelledby={`${testId}-label`}>
        <Text weight="semibold" id={`${testId}-label`}>CiC Register recovery key: {schoolName}</Text>
        <Text size={200}>
          {occasion === 'created' ? `Created ${today}.` : `Issued ${today}. Replaces every earlier recovery key.`} OFFICIAL-SENSITIVE: keep in the school safe.
        </Text>
        <p className={styles.key} data-testid={testId}>{recoveryKey}</p>
      </section>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => window.print()}>Print</Button>
        <Button onClick={copy}>Copy</Button>
      </div>
      <div role="status" aria-live="polite"><Text size={200}>{copyNote}</Text></div>
      <Field
        required
        validationState={showError && !confirmed ? 'error' : 'none'}
        validationMessage={showError && !confirmed ? `Tick the box to confirm you have kept ${which}.` : undefined}
      >
        <Checkbox
          checked={confirmed}
          onChange={(_e, d) => setConfirmed(d.checked === true)}
          label={`I have printed or saved ${which} and will keep it in the school safe`}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" size={occasion === 'created' ? 'large' : 'medium'} onClick={() => (confirmed ? onDone() : setShowError(true))}>
          {doneLabel}
        </Button>
      </div>
    </>
  );
}
