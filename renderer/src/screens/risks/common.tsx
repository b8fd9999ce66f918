// Bands, review states and the labels of the risk register: always text, with colour added.

import { Badge, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_BANDS, type ReviewState, type RiskBand } from '../../api/contract.ts';

export const BAND_LABEL: Record<RiskBand, string> = Object.fromEntries(RISK_BANDS.map((b) => [b.band, b.label])) as Record<RiskBand, string>;
const BAND_BADGE: Record<RiskBand, BadgeProps['color']> = { low: 'success', medium: 'warning', high: 'severe', very_high: 'danger' };

/** Light tints (dark text stays readable on every one) for the heat map and the legend. */
export const BAND_TINT: Record<RiskBand, string> = {
  low: tokens.colorPaletteLightGreenBackground2,
  medium: tokens.colorPaletteYellowBackground2,
  high: tokens.colorPaletteDarkOrangeBackground2,
  very_high: tokens.colorPaletteRedBackground2,
};
export const BAND_STRONG: Record<RiskBand, string> = {
  low: tokens.colorPaletteLightGreenBorder2,
  medium: tokens.colorPaletteYellowBorder2,
  high: tokens.colorPaletteDarkOrangeBorder2,
  very_high: tokens.colorPaletteRedBorder2,
};

export const likelihoodText = (n: number): string => `${n} ${LIKELIHOOD_LABELS[n as keyof typeof LIKELIHOOD_LABELS] ?? ''}`.trim();
export const impactText = (n: number): string => `${n} ${IMPACT_LABELS[n as keyof typeof IMPACT_LABELS] ?? ''}`.trim();

/** "High · 12": the band in words and the score. */
export function BandBadge({ band, score, size }: { band: RiskBand; score: number; size?: BadgeProps['size'] }) {
  return (
    <Badge appearance={band === 'very_high' ? 'filled' : 'tint'} shape="rounded" color={BAND_BADGE[band]} size={size} data-testid="band-badge" style={{ whiteSpace: 'nowrap' }}>
      {BAND_LABEL[band]} · {score}
    </Badge>
  );
}

export function ReviewBadge({ state, daysOverdue }: { state: ReviewState; daysOverdue: number }) {
  if (state === 'ok') return null;
  return (
    <Badge appearance="tint" shape="rounded" color={state === 'overdue' ? 'danger' : 'warning'} style={{ whiteSpace: 'nowrap' }}>
      {state === 'overdue' ? `Overdue ${daysOverdue} ${daysOverdue === 1 ? 'day' : 'days'}` : 'Due soon'}
    </Badge>
  );
}

const useTrendStyles = makeStyles({
  up: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  down: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  same: { color: tokens.colorNeutralForeground3 },
});

/** ▲ 4 / ▼ 2 / = since the previous review, with the words for screen readers. */
export function Trend({ score, previous }: { score: number; previous: number | null }) {
  const s = useTrendStyles();
  if (previous === null) return null;
  const d = score - previous;
  if (d === 0) return <span className={s.same} title="Unchanged since the last review">=<span className="visually-hidden"> unchanged since the last review</span></span>;
  return (
    <span className={d > 0 ? s.up : s.down} title={`${d > 0 ? 'Up' : 'Down'} from ${previous} at the last review`}>
      <span aria-hidden="true">{d > 0 ? '▲' : '▼'} {Math.abs(d)}</span>
      <span className="visually-hidden">{d > 0 ? 'up' : 'down'} from {previous} at the last review</span>
    </span>
  );
}
