// Pieces shared by the issue 6 screens (Dashboard, Interventions, PP+, Risks): page and card
// styles, headline figures, money in pounds, and today's date.

import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createFlash } from '../../components/flash.ts';

export const useUi = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  cardHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  cardTitleSmall: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))', gap: tokens.spacingHorizontalM },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    borderTop: `4px solid ${tokens.colorNeutralStroke2}`,
  },
  tileUrgent: { borderTopColor: tokens.colorPaletteRedBorder2 },
  tileWarning: { borderTopColor: tokens.colorPaletteDarkOrangeBorder2 },
  tileGood: { borderTopColor: tokens.colorPaletteGreenBorder2 },
  tileBrand: { borderTopColor: tokens.colorBrandStroke1 },
  tileValue: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  tileLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  tileDetail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  tableWrap: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, overflowX: 'auto' },
  plainWrap: { overflowX: 'auto' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  th: {
    textAlign: 'left', verticalAlign: 'bottom', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase200,
  },
  td: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  tfoot: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  good: { color: tokens.colorPaletteGreenForeground1 },
  link: {
    color: tokens.colorBrandForegroundLink,
    fontWeight: tokens.fontWeightSemibold,
    textDecoration: 'none',
    ':hover': { textDecoration: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  formGrid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  formGrid2: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    alignItems: 'end',
  },
  control: { width: '100%', minWidth: 0, maxWidth: 'none' },
  dl: { display: 'grid', gridTemplateColumns: 'minmax(140px, max-content) 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, margin: 0 },
  dt: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase300 },
  dd: { margin: 0, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  back: { fontSize: tokens.fontSizeBase300 },
});

/** A headline figure. */
export function StatTile({ label, value, detail, tone, testId }: {
  label: string; value: ReactNode; detail?: ReactNode; tone?: 'urgent' | 'warning' | 'good' | 'brand'; testId?: string;
}) {
  const ui = useUi();
  return (
    <div className={mergeClasses(ui.tile, tone === 'urgent' && ui.tileUrgent, tone === 'warning' && ui.tileWarning, tone === 'good' && ui.tileGood, tone === 'brand' && ui.tileBrand)}
      data-testid={testId} role="group" aria-label={label}>
      <span className={ui.tileLabel}>{label}</span>
      <span className={ui.tileValue} data-part="value">{value}</span>
      {detail ? <span className={ui.tileDetail}>{detail}</span> : null}
    </div>
  );
}

/** A white card with a heading (h2 by default) and optional actions beside it. */
export function Section({ title, level = 2, actions, children, className, id, testId }: {
  title: string; level?: 2 | 3; actions?: ReactNode; children: ReactNode; className?: string; id?: string; testId?: string;
}) {
  const ui = useUi();
  const Tag = `h${level}` as const;
  const headingId = id ?? `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={mergeClasses(ui.card, className)} aria-labelledby={headingId} data-testid={testId}>
      <div className={ui.cardHeader}>
        <Tag id={headingId} className={level === 2 ? ui.cardTitle : ui.cardTitleSmall}>{title}</Tag>
        {actions ? <div className={ui.actions}>{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** A label/value list; empty values show "Not recorded". */
export function Details({ items }: { items: [string, ReactNode][] }) {
  const ui = useUi();
  return (
    <dl className={ui.dl}>
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt className={ui.dt}>{label}</dt>
          <dd className={ui.dd}>{value === null || value === undefined || value === '' ? <span className={ui.muted}>Not recorded</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export { LoadFailed, Loading } from '../../components/LoadState.tsx';

export function Muted({ children }: { children: ReactNode }) {
  const ui = useUi();
  return <Text className={ui.muted}>{children}</Text>;
}

// ---- money, numbers and dates -------------------------------------------------------------------

const GBP = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const GBP_WHOLE = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0, maximumFractionDigits: 0 });

/** 123456 → "£1,234.56". */
export const pounds = (pence: number): string => GBP.format(pence / 100);
/** 123456 → "£1,235" (headline figures). */
export const poundsWhole = (pence: number): string => GBP_WHOLE.format(Math.round(pence / 100));
/** 123456 → "1234.56" for a form field (whole pounds without decimals). */
export const penceToInput = (pence: number): string => (pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2));

export const pct = (p: number | null | undefined): string => (p === null || p === undefined ? '—' : `${p.toFixed(1).replace(/\.0$/, '')}%`);
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** ISO date plus (or minus) whole days, in UTC so no daylight-saving hour is lost. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const dayName = (iso: string): string => DAY_NAMES[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;

export function yearGroupLabel(n: number): string {
  if (n < 0) return 'Nursery';
  return n === 0 ? 'Reception' : `Year ${n}`;
}

// ---- a one-off message carried to the next screen (e.g. "Intervention added") -----------------------

const flash = createFlash();
export const setFlash = flash.set;
export const takeFlash = flash.take;
