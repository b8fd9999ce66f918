// Shown once, straight after the register is created: the recovery key to print and keep in the
// school safe. The register cannot show it again.

import { Button, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Heading } from '../../components/Heading.tsx';
import { LockedLayout } from '../../components/LockedLayout.tsx';
import { formatUkDate } from '../../lib/dates.ts';

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

export function RecoveryKeyScreen({ recoveryKey, schoolName, onDone }: { recoveryKey: string; schoolName: string; onDone: () => void }) {
  usePrintStyles();
  const styles = useStyles();
  const [confirmed, setConfirmed] = useState(false);
  const [showError, setShowError] = useState(false);
  const [copyNote, setCopyNote] = useState('');
  const today = formatUkDate(new Date().toISOString().slice(0, 10));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopyNote('Copied. Paste it somewhere safe, then clear your clipboard.');
    } catch {
      setCopyNote('Copying is not allowed here: select the key and copy it by hand.');
    }
  };

  return (
    <LockedLayout width={680}>
      <Heading focusOnMount>Your recovery key</Heading>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This is shown only once.</MessageBarTitle>
          If everyone forgets their passphrase, this key is the only way into the register. Nobody, including
          the app&rsquo;s makers, can recover the data without it.
        </MessageBarBody>
      </MessageBar>
      <section id="recovery-key-sheet" className={styles.sheet} aria-labelledby="recovery-key-label">
        <Text weight="semibold" id="recovery-key-label">CiC Register recovery key: {schoolName}</Text>
        <Text size={200}>Created {today}. OFFICIAL-SENSITIVE: keep in the school safe.</Text>
        <p className={styles.key} data-testid="recovery-key">{recoveryKey}</p>
      </section>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => window.print()}>Print</Button>
        <Button onClick={copy}>Copy</Button>
      </div>
      <div role="status" aria-live="polite"><Text size={200}>{copyNote}</Text></div>
      <Field
        required
        validationState={showError && !confirmed ? 'error' : 'none'}
        validationMessage={showError && !confirmed ? 'Tick the box to confirm you have kept the recovery key.' : undefined}
      >
        <Checkbox
          checked={confirmed}
          onChange={(_e, d) => setConfirmed(d.checked === true)}
          label="I have printed or saved the recovery key and will keep it in the school safe"
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" size="large" onClick={() => (confirmed ? onDone() : setShowError(true))}>
          Continue to the register
        </Button>
      </div>
    </LockedLayout>
  );
}
