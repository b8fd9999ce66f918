// The Children screen: every child on roll (or the leavers) in a sortable table, with search and
// filters applied in the renderer over one listChildren call. Typing stays responsive with a
// thousand rows: the search index is built once per list, filtering is deferred (useDeferredValue),
// and the table shows a page at a time.

import {
  Badge, Button, Field, SearchBox, Select, Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text,
  makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { memo, useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import type { AppStatus, ChildListRow } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useChildren } from '../../api/queries.ts';
import { FormAlert, SavedNote } from '../../components/FormAlert.tsx';
import { Heading } from '../../components/Heading.tsx';
import { SectionTabs } from '../../components/SectionTabs.tsx';
import { formatUkDate } from '../../lib/dates.ts';
import { saveExportedFiles } from '../../lib/saveFiles.ts';
import {
  LoadFailed, Loading, formatPercent, takeFlash, placArrangementText, legalStatusText, senText, statusLabel, useChildStyles, yearGroupLabel,
} from './common.tsx';
import {
  NO_FILTERS, activeFilterCount, filterRows, indexRows, sortRows, type ChildFilters, type Sort, type SortKey,
} from './listFilters.ts';
import { childrenHref } from './route.ts';

/** Rows shown at once; "Show more" adds another page. */
export const PAGE_SIZE = 50;

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  filters: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  searchRow: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  search: { flex: '0 1 480px' },
  filterRow: {
    display: 'grid',
    gridTemplateColumns: 'repeat(5, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 900px)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  },
  filter: { minWidth: 0 },
  control: { width: '100%', minWidth: 0, maxWidth: 'none' },
  countRow: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  table: { minWidth: '900px', tableLayout: 'auto' },
  nameCell: { display: 'flex', flexDirection: 'column', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  nameLink: {
    color: tokens.colorBrandForegroundLink,
    fontWeight: tokens.fontWeightSemibold,
    textDecoration: 'none',
    ':hover': { textDecoration: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  upn: { fontFamily: "'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace", fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  att: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  attLow: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  attVeryLow: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  more: { display: 'flex', justifyContent: 'center', gap: tokens.spacingHorizontalM, padding: tokens.spacingVerticalM },
  col: { whiteSpace: 'nowrap' },
  // Body rows are plain elements styled like Fluent's TableRow and TableCell: a page of them
  // renders several times faster, which keeps typing in the search box responsive.
  tr: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  td: { padding: `0 ${tokens.spacingHorizontalS}`, height: '40px', verticalAlign: 'middle', fontSize: tokens.fontSizeBase300 },
});

// Filters survive a visit to a child's file and back.
let remembered: { filters: ChildFilters; sort: Sort } = { filters: NO_FILTERS, sort: { key: 'name', dir: 'ascending' } };

export function ChildrenList({ status, view }: { status: AppStatus; view: 'current' | 'leavers' }) {
  const styles = useStyles();
  const common = useChildStyles();
  const list = useChildren(view);
  const [filters, setFiltersState] = useState<ChildFilters>(remembered.filters);
  const [sort, setSortState] = useState<Sort>(remembered.sort);
  const [pages, setPages] = useState(1);
  const [exporting, setExporting] = useState(false);
  const [note, setNote] = useState<string | null>(() => takeFlash());
  const [failure, setFailure] = useState<string | null>(null);

  const setFilters = (next: ChildFilters) => {
    remembered = { ...remembered, filters: next };
    setFiltersState(next);
    setPages(1);
  };
  const setSort = (next: Sort) => {
    remembered = { ...remembered, sort: next };
    setSortState(next);
  };

  // The search box updates at once; the table follows as soon as React has time.
  // Leavers have no alerts: that filter does not apply to them.
  const deferredFilters = useDeferredValue(view === 'leavers' && filters.alerts !== 'all' ? { ...filters, alerts: 'all' as const } : filters);
  const rows = list.data?.rows;
  const index = useMemo(() => indexRows(rows ?? []), [rows]);
  const filtered = useMemo(() => filterRows(index, deferredFilters), [index, deferredFilters]);
  const sorted = useMemo(() => sortRows(filtered, sort), [filtered, sort]);
  const shown = sorted.slice(0, pages * PAGE_SIZE);

  const laOptions = useMemo(() => {
    const m = new Map<number, string>();
    let none = false;
    for (const r of rows ?? []) {
      if (r.responsibleLaId === null) none = true;
      else m.set(r.responsibleLaId, r.responsibleLaName ?? `Local authority ${r.responsibleLaId}`);
    }
    return { las: [...m].sort((a, b) => a[1].localeCompare(b[1], 'en-GB')), none };
  }, [rows]);
  const yearOptions = useMemo(() => [...new Set((rows ?? []).map((r) => r.yearGroup))].sort((a, b) => a - b), [rows]);

  const exportCsv = async () => {
    setExporting(true);
    setNote(null);
    setFailure(null);
    try {
      const { files } = await call('exportChildrenCsv', { view });
      const saved = await saveExportedFiles(files, status.shell);
      setNote(`Exported ${saved.join(', ')}. Cells that a spreadsheet could run as a formula are saved as plain text.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const counts = list.data?.counts;
  const total = rows?.length ?? 0;
  const noun = view === 'leavers' ? 'leavers' : 'children';
  const filtering = activeFilterCount(deferredFilters) > 0;

  return (
    <div className={common.page}>
      <Heading focusOnMount>Children</Heading>
      <div className={styles.toolbar}>
        <Button appearance="primary" as="a" href={childrenHref.add()}>Add a child</Button>
        <Button as="a" href={childrenHref.import()}>Import from MIS</Button>
        <Button onClick={exportCsv} disabled={exporting || !rows}>{exporting ? 'Exporting…' : 'Export CSV'}</Button>
      </div>
      <SavedNote message={note} />
      <FormAlert title="The export did not finish" messages={failure} />

      <SectionTabs label="Which children" current={view} tabs={(['current', 'leavers'] as const).map((v) => ({
        id: v,
        label: `${v === 'current' ? 'On roll' : 'Leavers'}${counts ? ` (${(v === 'current' ? counts.onRoll : counts.leavers).toLocaleString('en-GB')})` : ''}`,
        href: childrenHref.list(v),
      }))} />

      <div role="search" aria-label="Find children" className={styles.filters}>
        <div className={styles.searchRow}>
          <Field label="Search by name or UPN" className={styles.search}>
            <SearchBox
              className={styles.control}
              value={filters.q}
              onChange={(_e, d) => setFilters({ ...filters, q: d.value })}
              placeholder="e.g. Ashdown or N9912"
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <Button onClick={() => setFilters(NO_FILTERS)} disabled={activeFilterCount(filters) === 0}>Clear filters</Button>
        </div>
        <div className={styles.filterRow}>
          <FilterSelect label="Responsible LA" value={filters.la} onChange={(la) => setFilters({ ...filters, la })}>
            <option value="all">All</option>
            {laOptions.las.map(([id, name]) => <option key={id} value={String(id)}>{name}</option>)}
            {laOptions.none ? <option value="none">Not recorded</option> : null}
          </FilterSelect>
          <FilterSelect label="Year group" value={filters.year} onChange={(year) => setFilters({ ...filters, year })}>
            <option value="all">All</option>
            {yearOptions.map((y) => <option key={y} value={String(y)}>{yearGroupLabel(y)}</option>)}
          </FilterSelect>
          <FilterSelect label="Status" value={filters.status} onChange={(s) => setFilters({ ...filters, status: s as ChildFilters['status'] })}>
            <option value="all">All</option>
            <option value="CLA">Looked after</option>
            <option value="PLAC">Previously looked after</option>
          </FilterSelect>
          <FilterSelect label="SEN" value={filters.sen} onChange={(s) => setFilters({ ...filters, sen: s as ChildFilters['sen'] })}>
            <option value="all">All</option>
            <option value="N">N: no SEN</option>
            <option value="K">K: SEN support</option>
            <option value="E">E: EHC plan</option>
          </FilterSelect>
          {view === 'current' ? (
            <FilterSelect label="Alerts" value={filters.alerts} onChange={(a) => setFilters({ ...filters, alerts: a as ChildFilters['alerts'] })}>
              <option value="all">All</option>
              <option value="any">Has alerts</option>
              <option value="urgent">Has urgent alerts</option>
            </FilterSelect>
          ) : null}
        </div>
      </div>

      {list.isPending ? <Loading what="children" /> : list.error ? <LoadFailed what="children" error={list.error} /> : (
        <>
          <div className={styles.countRow}>
            <Text role="status" aria-live="polite" data-testid="children-count">
              {filtering || sorted.length !== total
                ? `Showing ${sorted.length.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} ${noun}`
                : `${total.toLocaleString('en-GB')} ${noun}`}
            </Text>
            {shown.length < sorted.length ? (
              <Text className={common.muted}>First {shown.length.toLocaleString('en-GB')} shown</Text>
            ) : null}
          </div>
          {total === 0 ? (
            <Text className={common.muted}>
              {view === 'leavers' ? 'No children have left yet.' : 'No children on roll yet. Add a child, or import the pupils from your MIS.'}
            </Text>
          ) : (
            <div className={common.tableWrap}>
              <ChildrenTable rows={shown} view={view} sort={sort} onSort={setSort} />
              {sorted.length === 0 ? (
                <div className={styles.more}><Text>No {noun} match these filters.</Text></div>
              ) : null}
              {shown.length < sorted.length ? (
                <div className={styles.more}>
                  <Button onClick={() => setPages(pages + 1)}>Show {Math.min(PAGE_SIZE, sorted.length - shown.length)} more</Button>
                  <Button appearance="subtle" onClick={() => setPages(Math.ceil(sorted.length / PAGE_SIZE))}>Show all {sorted.length.toLocaleString('en-GB')}</Button>
                </div>
              ) : null}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.filter}>
      <Select className={styles.control} value={value} onChange={(_e, d) => onChange(d.value)}>{children}</Select>
    </Field>
  );
}

const COLUMNS: { key: SortKey; label: string; views: ('current' | 'leavers')[] }[] = [
  { key: 'name', label: 'Name', views: ['current', 'leavers'] },
  { key: 'upn', label: 'UPN', views: ['current', 'leavers'] },
  { key: 'year', label: 'Year', views: ['current', 'leavers'] },
  { key: 'la', label: 'Responsible LA', views: ['current', 'leavers'] },
  { key: 'status', label: 'Status', views: ['current', 'leavers'] },
  { key: 'sen', label: 'SEN', views: ['current', 'leavers'] },
  { key: 'attendance', label: 'Attendance', views: ['current'] },
  { key: 'alerts', label: 'Alerts', views: ['current'] },
  { key: 'left', label: 'Left on', views: ['leavers'] },
];

function ChildrenTable({ rows, view, sort, onSort }: { rows: ChildListRow[]; view: 'current' | 'leavers'; sort: Sort; onSort: (s: Sort) => void }) {
  const styles = useStyles();
  const columns = COLUMNS.filter((c) => c.views.includes(view));
  return (
    <Table sortable aria-label={view === 'leavers' ? 'Leavers' : 'Children on roll'} className={styles.table} size="small">
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell
              key={c.key}
              className={styles.col}
              sortDirection={sort.key === c.key ? sort.dir : undefined}
              onClick={() => onSort({ key: c.key, dir: sort.key === c.key && sort.dir === 'ascending' ? 'descending' : 'ascending' })}
            >
              {c.label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => <ChildRow key={r.id} row={r} view={view} />)}
      </TableBody>
    </Table>
  );
}

const ChildRow = memo(function ChildRow({ row: r, view }: { row: ChildListRow; view: 'current' | 'leavers' }) {
  const styles = useStyles();
  const statusDetail = r.status === 'CLA' ? r.legalStatus : r.placArrangement;
  const statusTitle = r.status === 'CLA' ? legalStatusText(r.legalStatus) : placArrangementText(r.placArrangement);
  return (
    <tr className={styles.tr} data-testid="child-row" data-child-id={r.id}>
      <td className={styles.td}>
        <div className={styles.nameCell}>
          <a className={styles.nameLink} href={childrenHref.file(r.id)}>{r.legalLastName}, {r.legalFirstName}</a>
          {r.preferredName ? <span className={styles.sub}>Known as {r.preferredName}</span> : null}
        </div>
      </td>
      <td className={styles.td}><span className={styles.upn}>{r.upn ?? '—'}</span></td>
      <td className={mergeClasses(styles.td, styles.col)}>{r.yearGroupLabel}</td>
      <td className={styles.td}>{r.responsibleLaName ?? '—'}</td>
      <td className={mergeClasses(styles.td, styles.col)}>
        <span title={statusTitle || statusLabel(r.status)}>{r.status}{statusDetail ? ` · ${statusDetail}` : ''}</span>
        <span className="visually-hidden"> ({statusLabel(r.status)})</span>
      </td>
      <td className={mergeClasses(styles.td, styles.col)}><span title={senText(r.senProvision)}>{r.senProvision}</span></td>
      {view === 'current' ? (
        <>
          <td className={styles.td}><Attendance row={r} /></td>
          <td className={styles.td}>
            {r.alertCount > 0 ? (
              <Badge appearance="filled" color={r.urgentAlertCount > 0 ? 'danger' : 'warning'}
                aria-label={`${r.alertCount} ${r.alertCount === 1 ? 'alert' : 'alerts'}${r.urgentAlertCount ? `, ${r.urgentAlertCount} urgent` : ''}`}>
                {r.alertCount}
              </Badge>
            ) : <span className="visually-hidden">None</span>}
          </td>
        </>
      ) : (
        <td className={mergeClasses(styles.td, styles.col)}>{formatUkDate(r.leavingDate)}</td>
      )}
    </tr>
  );
});

function Attendance({ row }: { row: ChildListRow }) {
  const styles = useStyles();
  if (row.latestAttendancePercent === null) return <span className={styles.sub}>None yet</span>;
  const band = row.latestAttendanceBand;
  return (
    <span className={mergeClasses(styles.att, band === 'action-plan' && styles.attLow, band === 'pep-review' && styles.attVeryLow)}>
      {formatPercent(row.latestAttendancePercent)}
      {band === 'pep-review' ? <Badge appearance="tint" color="danger" size="small">PEP review</Badge> : null}
      {band === 'action-plan' ? <Badge appearance="tint" color="warning" size="small">Action plan</Badge> : null}
    </span>
  );
}
