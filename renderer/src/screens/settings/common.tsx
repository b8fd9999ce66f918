// Pieces shared by the settings sections.

import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';

export const useSettingsStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
  legendHeading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  grid2: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  grid4: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  /** Lines a button up with the inputs of labelled fields beside it. */
  besideFields: { marginTop: '26px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  tableWrap: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, overflowX: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
  cellActions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

/** Loading and error states for a section's query. */
export function QueryState({ loading, error, children, what }: { loading: boolean; error: unknown; children: ReactNode; what: string }) {
  if (loading) return <Spinner size="small" label={`Loading ${what}…`} />;
  if (error) return <FormAlert title={`The ${what} could not be loaded`} messages={errorMessage(error)} />;
  return <>{children}</>;
}

export function Fieldset({ legend, children, className }: { legend: string; children: ReactNode; className?: string }) {
  const styles = useSettingsStyles();
  return (
    <fieldset className={`${styles.fieldset} ${className ?? ''}`}>
      <legend className={styles.legend}><h3 className={styles.legendHeading}>{legend}</h3></legend>
      {children}
    </fieldset>
  );
}

export function SaveButton({ busy, label = 'Save changes', busyLabel = 'Saving…' }: { busy: boolean; label?: string; busyLabel?: string }) {
  return <Button type="submit" appearance="primary" disabled={busy}>{busy ? busyLabel : label}</Button>;
}

/** "" → null for optional text the register stores as "not given". */
export function blankToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? null : v;
  return out as T;
}
