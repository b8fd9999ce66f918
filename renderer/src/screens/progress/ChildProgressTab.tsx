// One child's grades across every window, subject by subject, with on-track / below-target flags.

import { Field, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ChildProgress } from '../../api/contract.ts';
import { useChildren } from '../../api/queries.ts';
import { formatUkDate } from '../../lib/dates.ts';
import { QueryState } from '../settings/common.tsx';
import { FlagBadge, useProgressStyles } from './common.tsx';
import { useChildProgress } from './queries.ts';
import { goProgress, idParam } from './route.ts';

const useStyles = makeStyles({
  wrap: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, overflowX: 'auto',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  table: { borderCollapse: 'collapse', width: '100%' },
  th: {
    textAlign: 'left', verticalAlign: 'bottom', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold,
  },
  rh: { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, fontWeight: tokens.fontWeightSemibold },
  td: { verticalAlign: 'top', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  below: { backgroundColor: tokens.colorPaletteRedBackground1 },
  latest: { whiteSpace: 'nowrap' },
  flagLine: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  grades: { display: 'grid', gridTemplateColumns: 'auto auto', gap: `0 ${tokens.spacingHorizontalS}`, justifyContent: 'start', fontVariantNumeric: 'tabular-nums', marginBottom: tokens.spacingVerticalXXS },
  k: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  core: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular, display: 'block' },
});

export function ChildProgressTab({ param }: { param: string | null }) {
  const styles = useProgressStyles();
  const children = useChildren('current');
  const childId = idParam(param);
  const progress = useChildProgress(childId);
  const rows = children.data?.rows ?? [];
  const child = rows.find((c) => c.id === childId);
  const name = (c: (typeof rows)[number]) => `${c.preferredName ?? c.legalFirstName} ${c.legalLastName}`;
  return (
    <div className={styles.stack}>
      <QueryState loading={children.isPending} error={children.error} what="children">
        <div className={styles.toolbar}>
          <Field label="Child" className={styles.picker}>
            <Select value={childId === null ? '' : String(childId)} onChange={(_e, d) => goProgress('child', d.value)}>
              <option value="">Choose a child</option>
              {[...rows].sort((a, b) => a.legalLastName.localeCompare(b.legalLastName) || a.legalFirstName.localeCompare(b.legalFirstName)).map((c) => (
                <option key={c.id} value={c.id}>{c.legalLastName}, {c.preferredName ?? c.legalFirstName} ({c.yearGroupLabel})</option>
              ))}
            </Select>
          </Field>
        </div>
      </QueryState>
      {childId === null ? <Text className={styles.muted}>Choose a child to see their grades across the assessment windows.</Text> : (
        <QueryState loading={progress.isPending} error={progress.error} what="progress">
          {progress.data ? <ProgressTable p={progress.data} name={child ? name(child) : 'this child'} /> : null}
        </QueryState>
      )}
    </div>
  );
}

function ProgressTable({ p, name }: { p: ChildProgress; name: string }) {
  const styles = useProgressStyles();
  const own = useStyles();
  if (p.subjects.length === 0 || p.windows.length === 0) return <Text className={styles.muted}>No returns recorded for {name} yet.</Text>;
  const below = p.subjects.filter((s) => s.latestFlag === 'below');
  return (
    <>
      <Text>
        {below.length === 0
          ? `${name} is on track or above target in every subject with a recent grade.`
          : `${name} is below target in ${below.map((s) => s.name).join(', ')} (latest grades).`}
      </Text>
      {/* Scrolls sideways when there are many windows: focusable so the keyboard can scroll it. */}
      <div className={own.wrap} tabIndex={0} role="region" aria-label={`Grades across windows for ${name} (scrolls sideways)`}>
        <table className={own.table} aria-label={`Grades across windows for ${name}`}>
          <thead>
            <tr>
              <th scope="col" className={own.th}>Subject</th>
              {p.windows.map((w) => (
                <th key={w.id} scope="col" className={own.th}>
                  {w.name} {w.academicYearLabel}
                  <span className={own.core}>closed {formatUkDate(w.closeDate)}</span>
                </th>
              ))}
              <th scope="col" className={own.th}>Latest</th>
            </tr>
          </thead>
          <tbody>
            {p.subjects.map((s) => (
              <tr key={s.subjectId}>
                <th scope="row" className={own.rh}>{s.name}{s.isCore ? <span className={own.core}>Core</span> : null}</th>
                {s.entries.map((e, i) => (
                  <td key={p.windows[i]!.id} className={mergeClasses(own.td, e?.flag === 'below' && own.below)}>
                    {e && (e.current || e.target || e.predicted) ? (
                      <>
                        <div className={own.grades}>
                          <span className={own.k}>Current</span><span>{e.current ?? '—'}</span>
                          <span className={own.k}>Target</span><span>{e.target ?? '—'}</span>
                          <span className={own.k}>Predicted</span><span>{e.predicted ?? '—'}</span>
                        </div>
                        <div className={own.flagLine}>
                          <FlagBadge flag={e.flag} size="small" />
                          {e.effort ? <span className={own.k}>Effort {e.effort}</span> : null}
                        </div>
                      </>
                    ) : <span className={styles.muted}>{e ? 'Awaiting return' : '—'}</span>}
                  </td>
                ))}
                <td className={mergeClasses(own.td, own.latest)}>{s.latestFlag ? <FlagBadge flag={s.latestFlag} /> : <span className={styles.muted}>—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
