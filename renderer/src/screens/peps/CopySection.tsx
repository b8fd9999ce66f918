// "Copy section": one section of the PEP as plain text (getPepSectionText), put on the clipboard to
// paste into the Virtual School's online ePEP form. Where the clipboard is not available (a
// permission refused, an older shell), a dialog shows the text already selected to copy by hand.

import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { PepSectionKey, PepSectionText } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { FormDialog, useDialogState } from '../../components/FormDialog.tsx';

const useStyles = makeStyles({
  wrap: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  done: { color: tokens.colorPaletteGreenForeground1, fontSize: tokens.fontSizeBase200 },
  failed: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  text: { width: '100%', fontFamily: 'inherit' },
});

async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function CopySectionButton({ pepId, section, heading }: { pepId: number; section: PepSectionKey; heading: string }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fallback, setFallback] = useState<PepSectionText | null>(null);

  useEffect(() => {
    if (!message?.ok) return;
    const t = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(t);
  }, [message]);

  const copy = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const s = await call('getPepSectionText', { id: pepId, section });
      if (await writeClipboard(s.text)) setMessage({ ok: true, text: `Copied “${s.heading}”: paste it into the Virtual School’s form.` });
      else setFallback(s);
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className={styles.wrap}>
      <span role="status" aria-live="polite" className={message?.ok ? styles.done : styles.failed}>{message?.text ?? ''}</span>
      <Button size="small" onClick={() => void copy()} disabled={busy} aria-label={`Copy section: ${heading}`}>
        {busy ? 'Copying…' : 'Copy section'}
      </Button>
      {fallback ? (
        <CopyByHandDialog section={fallback} onClosed={() => setFallback(null)}
          onCopied={() => setMessage({ ok: true, text: `Copied “${fallback.heading}”: paste it into the Virtual School’s form.` })} />
      ) : null}
    </span>
  );
}

function CopyByHandDialog({ section, onClosed, onCopied }: { section: PepSectionText; onClosed: () => void; onCopied: () => void }) {
  const styles = useStyles();
  const state = useDialogState(onClosed);
  const ref = useRef<HTMLTextAreaElement>(null);
  const [failure, setFailure] = useState<string[]>([]);

  useEffect(() => {
    const t = setTimeout(() => ref.current?.select(), 100);
    return () => clearTimeout(t);
  }, []);

  return (
    <FormDialog width="wide" state={state} title={`Copy “${section.heading}”`} submitLabel="Copy" busy={false} failure={failure} failureTitle="Not copied"
      onSubmit={(e) => {
        e.preventDefault();
        ref.current?.select();
        // The older clipboard route still works where the asynchronous one is refused.
        const ok = document.execCommand('copy');
        if (ok) {
          onCopied();
          state.close();
        } else {
          setFailure(['The app could not copy the text. It is selected: press Ctrl+C to copy it.']);
        }
      }}>
      <Text>The clipboard could not be used directly. The section is selected below: press Ctrl+C (or choose Copy), then paste it into the Virtual School&rsquo;s form.</Text>
      <Field label="Section text">
        <Textarea ref={ref} className={styles.text} value={section.text} readOnly rows={12} resize="vertical" />
      </Field>
    </FormDialog>
  );
}
