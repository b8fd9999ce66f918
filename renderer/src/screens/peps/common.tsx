// Pieces shared by the PEPs screens: styles, status and rating badges, money and term helpers,
// a label/value list and read-only prose.

import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import {
  fallbackPeriod, PEP_STATUS_LABELS, termForDate, type PepRag, type PepStatus, type PepTermName, type PepTermRef,
} from '../../api/contract.ts';
import { formatUkDate } from '../../lib/dates.ts';
import { createFlash } from '../../components/flash.ts';

export const usePepStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1280px' },
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
  sectionHeading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subHeading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  grid2: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  grid3: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  tableWrap: { overflowX: 'auto' },
  table: { tableLayout: 'auto', width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
  small: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  nowrap: { whiteSpace: 'nowrap' },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  good: { color: tokens.colorPaletteGreenForeground1 },
  prose: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  dl: {
    display: 'grid',
    gridTemplateColumns: 'minmax(150px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase300 },
  dd: { margin: 0, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecoration: 'none',
    ':hover': { textDecoration: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  strongLink: { fontWeight: tokens.fontWeightSemibold },
  back: { fontSize: tokens.fontSizeBase300, alignSelf: 'flex-start' },
});

// ---- status and rating ----------------------------------------------------------------------------

type BadgeColor = 'brand' | 'danger' | 'important' | 'informative' | 'severe' | 'subtle' | 'success' | 'warning';

const STATUS_COLOURS: Record<PepStatus, BadgeColor> = {
  draft: 'informative',
  ready: 'brand',
  submitted: 'important',
  approved: 'success',
  returned: 'danger',
  superseded: 'subtle',
};

/** Short status words for tight spaces (the full label is PEP_STATUS_LABELS). */
export const STATUS_SHORT: Record<PepStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  submitted: 'Submitted',
  approved: 'Approved',
  returned: 'Returned',
  superseded: 'Superseded',
};

export function StatusBadge({ status, size = 'medium', long = false }: { status: PepStatus; size?: 'small' | 'medium' | 'large'; long?: boolean }) {
  return (
    <Badge appearance={status === 'submitted' || status === 'approved' ? 'filled' : 'tint'} color={STATUS_COLOURS[status]} size={size} shape="rounded"
      data-testid="pep-status">
      {long ? PEP_STATUS_LABELS[status] : STATUS_SHORT[status]}
    </Badge>
  );
}

const RAG_COLOURS: Record<PepRag, BadgeColor> = { green: 'success', amber: 'warning', red: 'danger' };
const RAG_WORDS: Record<PepRag, string> = { green: 'green', amber: 'amber', red: 'red' };

/** The Virtual School's quality rating in its own words, coloured by where it sits on red / amber / green. */
export function RatingBadge({ rating, rag }: { rating: string | null; rag: PepRag | null }) {
  if (!rating) return null;
  const named = ['green', 'amber', 'red'].includes(rating.toLowerCase());
  return (
    <Badge appearance="tint" color={rag ? RAG_COLOURS[rag] : 'informative'} shape="rounded" data-testid="pep-rating" style={{ whiteSpace: 'nowrap' }}>
      {rating}{rag && !named ? <span className="visually-hidden"> ({RAG_WORDS[rag]})</span> : null}
    </Badge>
  );
}

/** One line saying where the PEP has got to: "Submitted 12/11/2026", "Returned 20/11/2026". */
export function statusDetail(p: { status: PepStatus; submittedOn: string | null; approvedOn?: string | null; returnedOn?: string | null; supersededOn?: string | null }): string | null {
  switch (p.status) {
    case 'submitted': return p.submittedOn ? `Submitted to the Virtual School on ${formatUkDate(p.submittedOn)}` : null;
    case 'approved': return p.approvedOn ? `Approved on ${formatUkDate(p.approvedOn)}` : p.submittedOn ? `Submitted on ${formatUkDate(p.submittedOn)}` : null;
    case 'returned': return p.returnedOn ? `Returned on ${formatUkDate(p.returnedOn)}` : null;
    case 'superseded': return p.supersededOn ? `Superseded on ${formatUkDate(p.supersededOn)}` : p.submittedOn ? `Submitted on ${formatUkDate(p.submittedOn)}` : null;
    default: return null;
  }
}

// ---- money, terms, dates -------------------------------------------------------------------------

export const formatPounds = (pence: number): string =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;

/**
 * The PEP term a date falls in, by the register's own rule (contract/pepTerms.ts), over the
 * academic years the renderer has loaded.
 */
export function pepTermOn(years: { label: string; terms: { name: PepTermName; endDate: string }[] }[], date: string): PepTermRef {
  return termForDate(date, (t) => years.find((a) => a.label === t.academicYear)?.terms.find((x) => x.name === t.term)?.endDate ?? fallbackPeriod(t).end);
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

// ---- display pieces --------------------------------------------------------------------------------

/** A label/value list. Empty values show "Not recorded". */
export function Details({ items, className }: { items: [string, ReactNode][]; className?: string }) {
  const styles = usePepStyles();
  return (
    <dl className={mergeClasses(styles.dl, className)}>
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt className={styles.dt}>{label}</dt>
          <dd className={styles.dd}>{value === null || value === undefined || value === '' ? <span className={styles.muted}>Not recorded</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Text the DT wrote, shown read-only; blank shows a muted "Not recorded". */
export function Prose({ text, empty = 'Not recorded.' }: { text: string | null | undefined; empty?: string }) {
  const styles = usePepStyles();
  if (!text || !text.trim()) return <Text className={styles.muted}>{empty}</Text>;
  return <p className={styles.prose}>{text}</p>;
}

export { LoadFailed, Loading } from '../../components/LoadState.tsx';

// ---- a one-off message carried to the next screen ("PEP created") ---------------------------------

const flash = createFlash();
export const setPepFlash = flash.set;
export const takePepFlash = flash.take;
