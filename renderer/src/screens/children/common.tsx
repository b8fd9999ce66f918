// Pieces shared by the Children screens: styles, code labels, the child-file mutation hook, and
// small display components (label/value lists, cards).

import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  CHILD_STATUSES, GENDERS, LEGAL_STATUS_CODES, PLAC_ARRANGEMENTS, PLACEMENT_TYPE_CODES, SEN_PRIMARY_NEED_CODES,
  SEN_PROVISION_CODES, type Child, type ChildFile, type ChildListRow, type Input, type OperationName, type Output,
} from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { childFileKey, keys } from '../../api/queries.ts';
import { createFlash } from '../../components/flash.ts';

export const useChildStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  cardHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grid2: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: tokens.spacingVerticalL + ' ' + tokens.spacingHorizontalL, alignItems: 'start' },
  formGrid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  formGrid2: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  formGrid3: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, alignItems: 'start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  tableWrap: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, overflowX: 'auto' },
  plainTableWrap: { overflowX: 'auto' },
  /** Columns sized by their content (Fluent's default is fixed, equal widths). */
  table: { tableLayout: 'auto', width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
  cellActions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
  dl: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase300 },
  dd: { margin: 0, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  mono: { fontFamily: "'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace", letterSpacing: '0.02em' },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  good: { color: tokens.colorPaletteGreenForeground1 },
  nowrap: { whiteSpace: 'nowrap' },
  sectionHeading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

// ---- code labels --------------------------------------------------------------------------------

export const statusLabel = (s: keyof typeof CHILD_STATUSES): string => CHILD_STATUSES[s];
export const genderLabel = (g: keyof typeof GENDERS): string => GENDERS[g];

function codeText<K extends string>(codes: Record<K, string>, code: string | null | undefined): string {
  if (!code) return '';
  const meaning = (codes as Record<string, string>)[code];
  return meaning ? `${code}: ${meaning}` : code;
}

export const legalStatusText = (code: string | null | undefined) => codeText(LEGAL_STATUS_CODES, code);
export const placementTypeText = (code: string | null | undefined) => codeText(PLACEMENT_TYPE_CODES, code);
export const placArrangementText = (code: string | null | undefined) => codeText(PLAC_ARRANGEMENTS, code);
export const primaryNeedText = (code: string | null | undefined) => codeText(SEN_PRIMARY_NEED_CODES, code);
export const senText = (code: keyof typeof SEN_PROVISION_CODES) => `${code}: ${SEN_PROVISION_CODES[code]}`;

/** Short meaning of a placement type for tight spaces: "Foster placement with other foster carer". */
export function placementShort(code: string): string {
  const meaning = (PLACEMENT_TYPE_CODES as Record<string, string>)[code];
  return meaning ? meaning.split(' - ')[0]! : code;
}

export function displayName(c: Pick<Child | ChildListRow, 'legalFirstName' | 'legalLastName' | 'preferredName'>): string {
  return `${c.preferredName || c.legalFirstName} ${c.legalLastName}`;
}

export function legalName(c: Pick<Child | ChildListRow, 'legalFirstName' | 'legalLastName'>): string {
  return `${c.legalFirstName} ${c.legalLastName}`;
}

export const formatPercent = (p: number | null | undefined): string => (p === null || p === undefined ? '' : `${p.toFixed(1)}%`);

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

// ---- year group: the contract's rule, shared with the services ----

/** National Curriculum year group on `onDate` for a child born on `dob` (both ISO), with an offset. */
export { yearGroup as yearGroupOn, yearGroupLabel } from '../../api/contract.ts';

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// ---- mutations of the child's file --------------------------------------------------------------

type FileOp = {
  [N in OperationName]: Output<N> extends ChildFile ? N : never;
}[OperationName];

/**
 * Runs an operation that returns the refreshed child's file: puts it in the cache and marks
 * everything derived from children (the grid, dashboards, alerts) as stale.
 */
export function useChildFileOperation() {
  const qc = useQueryClient();
  return async <N extends FileOp>(name: N, input: Input<N>): Promise<ChildFile> => {
    const file = (await call(name, input)) as ChildFile;
    const key = childFileKey(file.child.id);
    qc.setQueryData(key, file);
    await qc.invalidateQueries({
      predicate: (q) => {
        const k = q.queryKey;
        if (k[0] === keys.status[0] || k[0] === keys.settings[0] || k[0] === keys.users[0] || k[0] === keys.backups[0]) return false;
        return !(k[0] === key[0] && k[1] === key[1] && k[2] === key[2]);
      },
    });
    return file;
  };
}

// ---- display components ---------------------------------------------------------------------------

/** A label/value list. Empty values show "Not recorded". */
export function Details({ items, className }: { items: [string, ReactNode][]; className?: string }) {
  const styles = useChildStyles();
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

/** A white card with a heading (h2 by default) and optional actions beside it. */
export function Card({ title, level = 2, actions, children, className, id }: {
  title: string; level?: 2 | 3; actions?: ReactNode; children: ReactNode; className?: string; id?: string;
}) {
  const styles = useChildStyles();
  const Tag = `h${level}` as const;
  const headingId = id ?? `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={mergeClasses(styles.card, className)} aria-labelledby={headingId}>
      <div className={styles.cardHeader}>
        <Tag id={headingId} className={styles.sectionHeading}>{title}</Tag>
        {actions ? <div className={styles.actions}>{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export { LoadFailed, Loading } from '../../components/LoadState.tsx';

export function Empty({ children }: { children: ReactNode }) {
  const styles = useChildStyles();
  return <Text className={styles.muted}>{children}</Text>;
}

// ---- a one-off message carried to the next screen (e.g. "Child added") ---------------------------

const flash = createFlash();
export const setFlash = flash.set;
export const takeFlash = flash.take;
