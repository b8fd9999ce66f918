// A small attendance trend chart: inline SVG (no chart library), one point per period, with the
// school's two thresholds drawn as dashed lines. It is an image with a text summary for screen
// readers; the table beside it holds every figure.

import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { AttendancePeriod } from '../../api/contract.ts';
import { formatUkDate } from '../../lib/dates.ts';

const W = 720;
const H = 220;
const M = { left: 44, right: 110, top: 14, bottom: 34 };

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: `${W}px`, height: 'auto', display: 'block', fontFamily: tokens.fontFamilyBase },
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortDate = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(2, 4)}`;

export function AttendanceChart({ periods, actionPlan, pepReview }: { periods: AttendancePeriod[]; actionPlan: number; pepReview: number }) {
  const styles = useStyles();
  const id = useId();
  const points = periods.filter((p) => p.percent !== null) as (AttendancePeriod & { percent: number })[];
  if (points.length === 0) return null;

  const lowest = Math.min(...points.map((p) => p.percent), pepReview - 5);
  const yMin = Math.max(0, Math.floor(lowest / 10) * 10);
  const yMax = 100;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) => M.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => M.top + ((yMax - v) * plotH) / (yMax - yMin);
  const grid: number[] = [];
  for (let v = yMin; v <= yMax; v += 10) grid.push(v);
  const labelEvery = Math.ceil(points.length / 8);

  const below = (t: number) => points.filter((p) => p.percent < t).length;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const summary = `${points.length} ${points.length === 1 ? 'period' : 'periods'} from ${formatUkDate(first.periodStart)} to ${formatUkDate(last.periodEnd)}. `
    + `First ${first.percent.toFixed(1)}%, latest ${last.percent.toFixed(1)}%. `
    + `${below(actionPlan)} below ${actionPlan}% and ${below(pepReview)} below ${pepReview}%. Every period is listed in the table.`;
  const colour = (p: AttendancePeriod) => (p.band === 'pep-review'
    ? tokens.colorPaletteRedForeground1 : p.band === 'action-plan' ? tokens.colorPaletteDarkOrangeForeground1 : tokens.colorBrandForeground1);

  return (
    <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} data-testid="attendance-chart">
      <title id={`${id}-t`}>Attendance trend</title>
      <desc id={`${id}-d`}>{summary}</desc>
      {grid.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} style={{ stroke: tokens.colorNeutralStroke3 }} strokeWidth={1} />
          <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} style={{ fill: tokens.colorNeutralForeground3 }}>{v}%</text>
        </g>
      ))}
      {[{ v: actionPlan, label: 'action plan', c: tokens.colorPaletteDarkOrangeForeground1 }, { v: pepReview, label: 'PEP review', c: tokens.colorPaletteRedForeground1 }]
        .filter((t) => t.v >= yMin && t.v <= yMax)
        .map((t) => (
          <g key={t.label}>
            <line x1={M.left} x2={W - M.right} y1={y(t.v)} y2={y(t.v)} style={{ stroke: t.c }} strokeWidth={1.5} strokeDasharray="6 4" />
            <text x={W - M.right + 6} y={y(t.v) + (t.label === 'PEP review' ? 10 : -2)} fontSize={11} style={{ fill: t.c }}>{t.v}% {t.label}</text>
          </g>
        ))}
      <polyline
        points={points.map((p, i) => `${x(i)},${y(p.percent)}`).join(' ')}
        fill="none" style={{ stroke: tokens.colorBrandStroke1 }} strokeWidth={2} strokeLinejoin="round"
      />
      {points.map((p, i) => (
        <g key={p.id}>
          <circle cx={x(i)} cy={y(p.percent)} r={4.5} style={{ fill: colour(p), stroke: tokens.colorNeutralBackground1 }} strokeWidth={1.5}>
            <title>{`${formatUkDate(p.periodStart)} to ${formatUkDate(p.periodEnd)}: ${p.percent.toFixed(1)}%`}</title>
          </circle>
          {(i % labelEvery === 0 && points.length - 1 - i >= labelEvery) || i === points.length - 1 ? (
            <text x={x(i)} y={H - M.bottom + 18} textAnchor="middle" fontSize={11} style={{ fill: tokens.colorNeutralForeground3 }}>{shortDate(p.periodStart)}</text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
