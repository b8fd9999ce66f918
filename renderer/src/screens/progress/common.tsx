// Pieces shared by the Progress screens: status and flag badges (text and colour, never colour
// alone), the window picker, completion bars, and small formatting helpers.

import { Badge, Field, Link, ProgressBar, Select, Text, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import type { AssessmentWindow, Completion, ItemStatus, ProgressFlag } from '../../api/contract.ts';
import { formatUkDate } from '../../lib/dates.ts';

export const useProgressStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  picker: { minWidth: '260px' },
  filter: { minWidth: '180px' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM },
  statValue: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  statLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  nowrap: { whiteSpace: 'nowrap' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  barRow: { display: 'grid', gridTemplateColumns: 'minmax(120px, 190px) minmax(60px, 1fr) 148px', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  barTrack: { height: '14px', backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  barFill: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  barFillLow: { height: '100%', backgroundColor: tokens.colorPaletteRedBackground3 },
  barFillMid: { height: '100%', backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  barFillHigh: { height: '100%', backgroundColor: tokens.colorPaletteGreenBackground3 },
});

export const todayIso = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export const yearShort = (n: number): string => (n <= 0 ? (n === 0 ? 'R' : 'N') : `Y${n}`);
export const yearLong = (n: number): string => (n <= 0 ? (n === 0 ? 'Reception' : 'Nursery') : `Year ${n}`);
export const windowLabel = (w: Pick<AssessmentWindow, 'name' | 'academicYearLabel'>): string => `${w.name} ${w.academicYearLabel}`;
export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The window to open by default: the latest requested window that has closed, else the latest requested, else the latest. */
export function defaultWindow(windows: AssessmentWindow[], today = todayIso()): AssessmentWindow | null {
  const byClose = [...windows].sort((a, b) => b.closeDate.localeCompare(a.closeDate));
  return byClose.find((w) => w.requested && w.closeDate <= today) ?? byClose.find((w) => w.requested) ?? byClose[0] ?? null;
}

// ---- statuses ---------------------------------------------------------------------------------

const STATUS: Record<ItemStatus, { label: string; color: BadgeProps['color']; appearance: BadgeProps['appearance'] }> = {
  not_requested: { label: 'Not requested', color: 'subtle', appearance: 'tint' },
  requested: { label: 'Requested', color: 'informative', appearance: 'tint' },
  returned: { label: 'Returned', color: 'success', appearance: 'tint' },
  late: { label: 'Late', color: 'warning', appearance: 'tint' },
  chased_1: { label: 'Chased (stage 1)', color: 'severe', appearance: 'tint' },
  chased_2: { label: 'Chased (stage 2)', color: 'danger', appearance: 'tint' },
  chased_3: { label: 'Escalated (stage 3)', color: 'danger', appearance: 'filled' },
};

export function statusLabel(status: ItemStatus, returnedLate?: boolean | null): string {
  if (status === 'returned' && returnedLate) return 'Returned late';
  return STATUS[status].label;
}

export function StatusBadge({ status, returnedLate }: { status: ItemStatus; returnedLate?: boolean | null }) {
  const s = STATUS[status];
  return <Badge appearance={s.appearance} color={s.color} shape="rounded">{statusLabel(status, returnedLate)}</Badge>;
}

const FLAG: Record<ProgressFlag, { label: string; color: BadgeProps['color']; symbol: string }> = {
  above: { label: 'Above target', color: 'success', symbol: '▲' },
  on_track: { label: 'On track', color: 'brand', symbol: '●' },
  below: { label: 'Below target', color: 'danger', symbol: '▼' },
};

export const flagLabel = (f: ProgressFlag): string => FLAG[f].label;

export function FlagBadge({ flag, size = 'medium' }: { flag: ProgressFlag | null; size?: BadgeProps['size'] }) {
  if (!flag) return null;
  const f = FLAG[flag];
  return (
    <Badge appearance="tint" color={f.color} shape="rounded" size={size}>
      <span aria-hidden="true">{f.symbol}&nbsp;</span>{f.label}
    </Badge>
  );
}

// ---- window picker and completion --------------------------------------------------------------

export function WindowPicker({ windows, value, onChange, label = 'Assessment window' }: {
  windows: AssessmentWindow[]; value: number | null; onChange: (id: number) => void; label?: string;
}) {
  const styles = useProgressStyles();
  const sorted = [...windows].sort((a, b) => b.closeDate.localeCompare(a.closeDate));
  return (
    <Field label={label} className={styles.picker}>
      <Select value={value === null ? '' : String(value)} onChange={(_e, d) => onChange(Number(d.value))}>
        {value === null ? <option value="">Choose a window</option> : null}
        {sorted.map((w) => (
          <option key={w.id} value={w.id}>{windowLabel(w)} (closes {formatUkDate(w.closeDate)}){w.requested ? '' : ', not requested'}</option>
        ))}
      </Select>
    </Field>
  );
}

/** "151 of 227 returned (67%)" with a bar, and the outstanding, overdue and late counts. */
export function CompletionSummary({ completion, label }: { completion: Completion; label: string }) {
  const styles = useProgressStyles();
  const c = completion;
  return (
    <div className={styles.card} role="group" aria-label={label} data-testid="completion-summary">
      <Field
        label={<span><strong>{c.returned} of {c.expected}</strong> returns received ({percent(c.rate)})</span>}
        validationMessage={`${c.outstanding} outstanding, ${c.overdue} overdue, ${c.returnedLate} returned late.`}
        validationState="none"
      >
        <ProgressBar value={c.expected ? c.returned / c.expected : 0} max={1} thickness="large"
          color={c.rate !== null && c.rate >= 0.9 ? 'success' : 'brand'} aria-label={`${percent(c.rate)} of returns received`} />
      </Field>
    </div>
  );
}

/** A horizontal bar for a completion rate, with the figures beside it in text. */
export function RateBar({ name, row }: { name: string; row: Completion }) {
  const styles = useProgressStyles();
  const pct = row.rate === null ? 0 : Math.round(row.rate * 100);
  const fill = row.rate === null ? styles.barFill : row.rate >= 0.9 ? styles.barFillHigh : row.rate >= 0.6 ? styles.barFillMid : styles.barFillLow;
  return (
    <div className={styles.barRow} role="listitem">
      <Text truncate wrap={false} title={name}>{name}</Text>
      <div className={styles.barTrack} aria-hidden="true"><div className={fill} style={{ width: `${pct}%` }} /></div>
      <Text className={styles.num}>
        {percent(row.rate)} <span className={styles.small}>({row.returned}/{row.expected}{row.overdue ? `, ${row.overdue} overdue` : ''})</span>
      </Text>
    </div>
  );
}

/** What the window-based views say before any assessment window exists. */
export function NoWindows() {
  const styles = useProgressStyles();
  return (
    <Text className={styles.muted}>
      No assessment windows yet. Add them under <Link href="#/progress/windows">Assessment windows</Link>, then request the returns.
    </Text>
  );
}
