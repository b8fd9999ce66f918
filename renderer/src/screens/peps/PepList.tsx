// The PEP list: one term at a time (the current term unless another is picked), every PEP with
// its child, status, due date, completeness and the Virtual School's rating; and the looked-after
// children with no PEP for the term yet, each with "Create PEP". Filters by status and LA are
// applied here over one listPeps call, so the counts always describe the whole term.

import {
  Badge, Button, Field, ProgressBar, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles,
  mergeClasses, tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import {
  parseTermKey, PEP_KINDS, PEP_STATUSES, PEP_STATUS_LABELS, PEP_TERMS, termKey, type PepListRow, type PepStatus,
} from '../../api/contract.ts';
import { errorMessage } from '../../api/errors.ts';
import { useAcademicYears, useChildren, useLocalAuthorities } from '../../api/queries.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import {
  LoadFailed, Loading, pepTermOn, RatingBadge, StatusBadge, plural, setPepFlash, statusDetail, takePepFlash, todayIso, usePepStyles,
} from './common.tsx';
import { usePepList, usePepOperation, type TermChoice } from './queries.ts';
import { go, pepsHref } from './route.ts';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 240px)) 1fr',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    '@media (max-width: 900px)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  },
  control: { width: '100%', minWidth: 0 },
  clear: { justifySelf: 'start' },
  summary: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  tableCard: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4, overflowX: 'auto' },
  table: { tableLayout: 'auto', width: 'calc(100% - 16px)', minWidth: '880px', margin: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}` },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, verticalAlign: 'top' },
  stack: { display: 'flex', flexDirection: 'column', gap: '2px', alignItems: 'flex-start' },
  meter: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: '150px' },
  bar: { width: '90px' },
  missing: { maxWidth: '260px' },
  notStarted: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorderActive}` },
  optional: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, boxShadow: tokens.shadow4,
  },
  optionalSummary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForegroundLink },
  caption: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`, display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

type StatusFilter = 'all' | PepStatus | 'not_started';

// The chosen term and filters survive a visit to a PEP and back.
let remembered: { term: TermChoice | null; status: StatusFilter; la: string } = { term: null, status: 'all', la: 'all' };

export function PepList() {
  const styles = useStyles();
  const common = usePepStyles();
  const [term, setTermState] = useState<TermChoice | null>(remembered.term);
  const [status, setStatusState] = useState<StatusFilter>(remembered.status);
  const [la, setLaState] = useState<string>(remembered.la);
  const years = useAcademicYears();
  // The current term, worked out from the school calendar as the register does.
  const current = useMemo(() => (years.data ? pepTermOn(years.data, todayIso()) : null), [years.data]);
  const list = usePepList(term ?? current);
  const las = useLocalAuthorities();
  // listPeps also lists children who left during the term; no PEP can be started for a leaver.
  const leavers = useChildren('leavers');
  const leftOn = useMemo(() => new Map((leavers.data?.rows ?? []).map((c) => [c.id, c.leavingDate])), [leavers.data]);
  // Previously looked-after children have no statutory PEP, so listPeps does not list them as not
  // started; an optional plan can still be drafted for them.
  const onRoll = useChildren('current');
  const run = usePepOperation();
  const [note] = useState<string | null>(() => takePepFlash());
  const [failure, setFailure] = useState<string | null>(null);
  const [creating, setCreating] = useState<number | null>(null);

  const setTerm = (t: TermChoice | null) => { remembered = { ...remembered, term: t }; setTermState(t); };
  const setStatus = (s: StatusFilter) => { remembered = { ...remembered, status: s }; setStatusState(s); };
  const setLa = (v: string) => { remembered = { ...remembered, la: v }; setLaState(v); };

  const data = list.data;
  const shownTerm = data?.currentTerm;

  // Every term of every academic year in the register, plus the one shown; newest first.
  const termOptions = useMemo(() => {
    const keys = new Set<string>();
    for (const y of years.data ?? []) for (const t of PEP_TERMS) keys.add(`${y.label}-${t}`);
    if (shownTerm) keys.add(termKey(shownTerm));
    return [...keys].map((k) => parseTermKey(k)!).filter(Boolean)
      .sort((a, b) => b.academicYear.localeCompare(a.academicYear) || PEP_TERMS.indexOf(b.term) - PEP_TERMS.indexOf(a.term));
  }, [years.data, shownTerm]);

  const rows = useMemo(() => (data?.rows ?? []).filter((r) =>
    (status === 'all' || r.status === status) && (la === 'all' || (la === 'none' ? r.laId === null : String(r.laId) === la))), [data, status, la]);
  // The not-started rows carry the LA's name only.
  const notStarted = useMemo(() => {
    const name = las.data?.find((l) => String(l.id) === la)?.name ?? null;
    return (data?.notStarted ?? []).filter((c) =>
      (status === 'all' || status === 'not_started') && (la === 'all' || (la === 'none' ? c.laName === null : c.laName === name)));
  }, [data, status, la, las.data]);

  const counts = useMemo(() => {
    const c = new Map<PepStatus, number>();
    for (const r of data?.rows ?? []) c.set(r.status, (c.get(r.status) ?? 0) + 1);
    return c;
  }, [data]);
  const startable = data?.notStarted.filter((c) => !leftOn.has(c.childId)).length ?? 0;
  const overdue = (data?.rows.filter((r) => r.overdue).length ?? 0) + (data?.notStarted.filter((c) => c.overdue && !leftOn.has(c.childId)).length ?? 0);

  const optional = useMemo(() => {
    const have = new Set((data?.rows ?? []).map((r) => r.childId));
    const name = las.data?.find((l) => String(l.id) === la)?.name ?? null;
    return (onRoll.data?.rows ?? []).filter((c) => c.status === 'PLAC' && !have.has(c.id)
      && (la === 'all' || (la === 'none' ? c.responsibleLaId === null : c.responsibleLaName === name)))
      .sort((a, b) => a.legalLastName.localeCompare(b.legalLastName, 'en-GB'));
  }, [onRoll.data, data, la, las.data]);

  const create = async (childId: number, childName: string) => {
    if (!shownTerm) return;
    setCreating(childId);
    setFailure(null);
    try {
      const pep = await run('createPep', { childId, academicYear: shownTerm.academicYear, term: shownTerm.term });
      setPepFlash(`PEP drafted for ${childName} from the register. Check the details, then add the child's voice and the new targets.`);
      go(pepsHref.pep(pep.id));
    } catch (e) {
      setFailure(errorMessage(e));
      setCreating(null);
    }
  };

  const filtering = status !== 'all' || la !== 'all';
  const termLabel = shownTerm?.label ?? 'this term';

  return (
    <div className={common.page}>
      <Heading focusOnMount>PEPs</Heading>
      <div className={common.toolbar}>
        <Button as="a" href={pepsHref.formats()}>Virtual School formats</Button>
        <Text className={common.muted}>Section order, headings and file names for each local authority&rsquo;s PEPs.</Text>
      </div>
      <SavedNote message={note} />
      <FormAlert title="The PEP could not be created" messages={failure} />

      <div role="search" aria-label="Choose PEPs" className={styles.filters}>
        <Field label="Term">
          <Select className={styles.control} value={shownTerm ? termKey(shownTerm) : ''}
            onChange={(_e, d) => setTerm(parseTermKey(d.value))}>
            {termOptions.map((t) => <option key={termKey(t)} value={termKey(t)}>{t.term} term {t.academicYear}</option>)}
          </Select>
        </Field>
        <Field label="Status">
          <Select className={styles.control} value={status} onChange={(_e, d) => setStatus(d.value as StatusFilter)}>
            <option value="all">All</option>
            <option value="not_started">No PEP yet</option>
            {PEP_STATUSES.map((s) => <option key={s} value={s}>{PEP_STATUS_LABELS[s]}</option>)}
          </Select>
        </Field>
        <Field label="Local authority">
          <Select className={styles.control} value={la} onChange={(_e, d) => setLa(d.value)}>
            <option value="all">All</option>
            {(las.data ?? []).map((l) => <option key={l.id} value={String(l.id)}>{l.name}</option>)}
            <option value="none">Not recorded</option>
          </Select>
        </Field>
        <Button className={styles.clear} onClick={() => { setStatus('all'); setLa('all'); }} disabled={!filtering}>Clear filters</Button>
      </div>

      {years.error ? <LoadFailed what="school calendar" error={years.error} /> : list.isPending ? <Loading what="PEPs" /> : list.error ? <LoadFailed what="PEPs" error={list.error} /> : data ? (
        <>
          <div className={styles.summary} aria-label={`Summary for the ${termLabel}`} role="group" data-testid="pep-summary">
            <Text weight="semibold">{termLabel}:</Text>
            <Text>{plural(data.rows.length, 'PEP')}</Text>
            {PEP_STATUSES.filter((s) => counts.get(s)).map((s) => (
              <Badge key={s} appearance="outline" color="informative" shape="rounded">{counts.get(s)} {PEP_STATUS_LABELS[s].split(' ')[0]!.toLowerCase()}</Badge>
            ))}
            {startable ? <Badge appearance="tint" color="warning" shape="rounded">{startable} not started</Badge> : null}
            {overdue ? <Badge appearance="filled" color="danger" shape="rounded">{overdue} overdue</Badge> : null}
          </div>

          {notStarted.length > 0 ? (
            <section className={mergeClasses(styles.tableCard, styles.notStarted)} aria-labelledby="peps-not-started">
              <div className={styles.caption}>
                <h2 id="peps-not-started" className={common.sectionHeading}>Looked-after children with no PEP for the {termLabel}</h2>
              </div>
              <Table aria-labelledby="peps-not-started" className={styles.table} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Child</TableHeaderCell>
                    <TableHeaderCell>Year</TableHeaderCell>
                    <TableHeaderCell>Local authority</TableHeaderCell>
                    <TableHeaderCell>Due by</TableHeaderCell>
                    <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {notStarted.map((c) => (
                    <TableRow key={c.childId} data-testid="pep-not-started">
                      <TableCell className={common.nowrap}><Text weight="semibold">{c.childName}</Text></TableCell>
                      <TableCell className={common.nowrap}>{c.yearGroupLabel}</TableCell>
                      <TableCell>{c.laName ?? <span className={common.muted}>Not recorded</span>}</TableCell>
                      <TableCell className={common.nowrap}>
                        {leftOn.has(c.childId) ? <span className={common.muted}>{formatUkDate(c.dueBy)}</span> : <DueBy date={c.dueBy} overdue={c.overdue} />}
                      </TableCell>
                      <TableCell>
                        {leftOn.has(c.childId) ? (
                          <Text className={common.muted}>Left on {formatUkDate(leftOn.get(c.childId))}</Text>
                        ) : (
                          <Button appearance="primary" size="small" disabled={creating !== null} aria-label={`Create PEP for ${c.childName}`}
                            onClick={() => void create(c.childId, c.childName)}>
                            {creating === c.childId ? 'Creating…' : 'Create PEP'}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
          ) : null}

          {optional.length > 0 && (status === 'all' || status === 'not_started') ? (
            <details className={styles.optional} data-testid="pep-optional-plans">
              <summary className={styles.optionalSummary}>
                Optional plans for previously looked-after children: {plural(optional.length, 'child', 'children')} without one this term
              </summary>
              <Text className={common.muted} block>
                A previously looked-after child (adopted, or under a special guardianship or child arrangements order) has no statutory PEP,
                but the school may agree an optional plan with the parent or guardian.
              </Text>
              <Table aria-label="Previously looked-after children without a plan this term" className={styles.table} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Child</TableHeaderCell>
                    <TableHeaderCell>Year</TableHeaderCell>
                    <TableHeaderCell>Local authority</TableHeaderCell>
                    <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {optional.map((c) => {
                    const name = `${c.preferredName || c.legalFirstName} ${c.legalLastName}`;
                    return (
                      <TableRow key={c.id}>
                        <TableCell><Text weight="semibold">{name}</Text></TableCell>
                        <TableCell className={common.nowrap}>{c.yearGroupLabel}</TableCell>
                        <TableCell>{c.responsibleLaName ?? <span className={common.muted}>Not recorded</span>}</TableCell>
                        <TableCell>
                          <Button size="small" disabled={creating !== null} aria-label={`Create optional plan for ${name}`} onClick={() => void create(c.id, name)}>
                            {creating === c.id ? 'Creating…' : 'Create optional plan'}
                          </Button>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </details>
          ) : null}

          {status !== 'not_started' ? (
            <section className={styles.tableCard} aria-labelledby="peps-table-heading">
              <div className={styles.caption}>
                <h2 id="peps-table-heading" className={common.sectionHeading}>PEPs for the {termLabel}</h2>
                <Text className={common.muted} aria-live="polite">
                  {filtering ? `${rows.length} of ${plural(data.rows.length, 'PEP')} shown` : plural(data.rows.length, 'PEP')}
                </Text>
              </div>
              {rows.length === 0 ? (
                <div style={{ padding: '12px 20px 20px' }}>
                  <Text className={common.muted}>{data.rows.length ? 'No PEP matches these filters.' : 'No PEP has been started for this term yet.'}</Text>
                </div>
              ) : <PepTable rows={rows} />}
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function DueBy({ date, overdue }: { date: string; overdue: boolean }) {
  const common = usePepStyles();
  return (
    <span className={common.actions}>
      <span className={overdue ? common.bad : undefined}>{formatUkDate(date)}</span>
      {overdue ? <Badge appearance="filled" color="danger" size="small" shape="rounded">Overdue</Badge> : null}
    </span>
  );
}

function PepTable({ rows }: { rows: PepListRow[] }) {
  const styles = useStyles();
  return (
    <Table aria-labelledby="peps-table-heading" className={styles.table} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Child</TableHeaderCell>
          <TableHeaderCell>Local authority</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Due by</TableHeaderCell>
          <TableHeaderCell>Complete</TableHeaderCell>
          <TableHeaderCell>VS rating</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => <PepRow key={r.id} row={r} />)}
      </TableBody>
    </Table>
  );
}

function PepRow({ row: r }: { row: PepListRow }) {
  const styles = useStyles();
  const common = usePepStyles();
  const detail = r.status === 'returned' ? null : statusDetail({ status: r.status, submittedOn: r.submittedOn });
  const sent = r.status !== 'draft' && r.status !== 'ready';
  return (
    <TableRow data-testid="pep-row" data-pep-id={r.id}>
      <TableCell className={styles.cell}>
        <div className={styles.stack}>
          <a className={mergeClasses(common.link, common.strongLink)} href={pepsHref.pep(r.id)}>{r.childName}</a>
          <Text className={mergeClasses(common.muted, common.small)}>
            {r.yearGroupLabel} · {r.childStatus === 'PLAC' ? 'Optional plan' : PEP_KINDS[r.kind]}
          </Text>
        </div>
      </TableCell>
      <TableCell className={styles.cell}>{r.laName ?? <span className={common.muted}>Not recorded</span>}</TableCell>
      <TableCell className={styles.cell}>
        <div className={styles.stack}>
          <StatusBadge status={r.status} />
          {detail ? <Text className={mergeClasses(common.muted, common.small)}>{detail.replace(' to the Virtual School', '')}</Text> : null}
          {r.status === 'returned' ? <Text className={mergeClasses(common.small, common.bad)}>Amend and resubmit</Text> : null}
        </div>
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, common.nowrap)}>
        {sent ? <span className={common.muted}>{formatUkDate(r.dueBy)}</span> : <DueBy date={r.dueBy} overdue={r.overdue} />}
      </TableCell>
      <TableCell className={styles.cell}>
        <Completeness percent={r.completenessPercent} missing={r.missing} name={r.childName} />
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, common.nowrap)}>
        {r.qualityRating ? <RatingBadge rating={r.qualityRating} rag={r.qualityRag} /> : <span className={common.muted}>{sent ? 'Not yet rated' : '—'}</span>}
      </TableCell>
    </TableRow>
  );
}

function Completeness({ percent, missing, name }: { percent: number; missing: string[]; name: string }): ReactNode {
  const styles = useStyles();
  const common = usePepStyles();
  const shown = missing.slice(0, 2);
  const more = missing.length - shown.length;
  return (
    <div className={styles.stack}>
      <div className={styles.meter}>
        <ProgressBar className={styles.bar} value={percent / 100} thickness="large" color={percent === 100 ? 'success' : percent >= 70 ? 'brand' : 'warning'}
          aria-label={`${name}'s PEP is ${percent}% complete`} />
        <Text weight="semibold">{percent}%</Text>
      </div>
      {missing.length ? (
        <Text className={mergeClasses(common.muted, common.small, styles.missing)} title={missing.join('; ')}>
          Missing: {shown.join('; ')}{more ? ` and ${more} more` : ''}
        </Text>
      ) : null}
    </div>
  );
}
