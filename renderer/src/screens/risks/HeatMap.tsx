// The 5×5 risk matrix as a real table: impact 5 (top) to 1 down the side, likelihood 1 to 5 across,
// each cell the number of open and monitored risks there, coloured by its band with the band named
// for screen readers. Colour is never the only signal: every cell carries its count and band.

import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_BANDS, type RiskHeatMap } from '../../api/contract.ts';
import { BAND_LABEL, BAND_STRONG, BAND_TINT } from './common.tsx';

const useStyles = makeStyles({
  wrap: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', alignItems: 'flex-start' },
  table: { borderCollapse: 'separate', borderSpacing: '4px' },
  caption: { captionSide: 'bottom', textAlign: 'left', paddingTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  corner: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, textAlign: 'left', verticalAlign: 'bottom', fontWeight: tokens.fontWeightRegular, padding: '0 8px 4px 0' },
  colHead: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, textAlign: 'center', width: '72px', verticalAlign: 'bottom', lineHeight: '1.2' },
  rowHead: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, textAlign: 'right', paddingRight: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
  cell: {
    width: '72px', height: '52px', textAlign: 'center', verticalAlign: 'middle', borderRadius: tokens.borderRadiusMedium,
    fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300,
    border: '2px solid transparent',
  },
  filled: { color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold },
  axis: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, textAlign: 'center', fontWeight: tokens.fontWeightSemibold, paddingTop: '2px' },
  legend: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none', minWidth: '200px' },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  swatch: { width: '18px', height: '18px', borderRadius: tokens.borderRadiusSmall, flexShrink: 0, border: '2px solid transparent' },
  legendCount: { marginLeft: 'auto', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', paddingLeft: tokens.spacingHorizontalL },
});

export function HeatMap({ map }: { map: RiskHeatMap }) {
  const s = useStyles();
  return (
    <div className={s.wrap}>
      <table className={s.table} data-testid="heat-map">
        <caption className={s.caption}>
          Number of {map.statuses.includes('monitoring') ? 'open and monitored' : map.statuses.join(' and ')} risks by impact (rows) and likelihood (columns). {map.total} in all.
        </caption>
        <thead>
          <tr>
            <th scope="col" className={s.corner}>Impact ↓ / Likelihood →</th>
            {[1, 2, 3, 4, 5].map((l) => (
              <th key={l} scope="col" className={s.colHead}>{l}<br />{LIKELIHOOD_LABELS[l as keyof typeof LIKELIHOOD_LABELS]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.rows.map((row) => {
            const impact = row[0]!.impact;
            return (
              <tr key={impact}>
                <th scope="row" className={s.rowHead}>{impact} {IMPACT_LABELS[impact as keyof typeof IMPACT_LABELS]}</th>
                {row.map((c) => (
                  <td key={c.likelihood} className={mergeClasses(s.cell, c.count > 0 && s.filled)}
                    style={{ backgroundColor: BAND_TINT[c.band], borderColor: c.count > 0 ? BAND_STRONG[c.band] : 'transparent' }}
                    data-testid={`heat-cell-${c.likelihood}-${c.impact}`} data-count={c.count}
                    title={`Likelihood ${c.likelihood} × impact ${c.impact} = ${c.score} (${BAND_LABEL[c.band]}): ${c.count} ${c.count === 1 ? 'risk' : 'risks'}`}>
                    {c.count > 0 ? c.count : null}
                    <span className="visually-hidden">{`${c.count === 0 ? 'No risks' : ` ${c.count === 1 ? 'risk' : 'risks'}`}, score ${c.score}, ${BAND_LABEL[c.band]}`}</span>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div>
        <Text weight="semibold" block style={{ marginBottom: 8 }}>Bands (score = likelihood × impact)</Text>
        <ul className={s.legend}>
          {[...RISK_BANDS].reverse().map((b) => (
            <li key={b.band} className={s.legendItem}>
              <span className={s.swatch} style={{ backgroundColor: BAND_TINT[b.band], borderColor: BAND_STRONG[b.band] }} aria-hidden="true" />
              <Text>{b.label} ({b.min}–{b.max})</Text>
              <Text className={s.legendCount} data-testid={`band-count-${b.band}`}>{map.byBand[b.band]}</Text>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
