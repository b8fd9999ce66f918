// Recording returns: pick a window, narrow the grid (teacher, subject, status, child), type or
// paste the teachers' returns, and watch completion go up. Cells are saved as they are committed.

import {
  Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppStatus, GridCell, Output, ReturnsGrid as GridData, SaveCellsResult } from '../../api/contract.ts';
import { call } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';
import { formatUkDate } from '../../lib/dates.ts';
import { QueryState } from '../settings/common.tsx';
import {
  CompletionSummary, defaultWindow, NoWindows, StatusBadge, useProgressStyles, windowLabel, WindowPicker, yearLong,
} from './common.tsx';
import { COLUMNS, rowKeyOf } from './gridModel.ts';
import { ImportCsvDialog } from './ImportCsvDialog.tsx';
import { invalidateProgress, pk, useReturnsGrid, useWindows } from './queries.ts';
import { ReturnsGrid, type GridItem, type ReturnsGridHandle } from './ReturnsGrid.tsx';
import { goProgress, idParam } from './route.ts';
import { useCellSaver } from './useCellSaver.ts';
import { RequestReturnsDialog } from './WindowsTab.tsx';

const useStyles = makeStyles({
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0, flex: '1 1 600px' },
  kbd: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    padding: '0 4px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  summary: { flex: '1 1 360px', minWidth: '320px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignSelf: 'center' },
  count: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  statusLine: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  saveState: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  detail: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}` },
  dl: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}` },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
  quote: { margin: 0, whiteSpace: 'pre-wrap' },
  errList: { margin: 0, paddingInlineStart: '1.2em' },
});

type Show = 'all' | 'outstanding' | 'late' | 'returned';
const SHOW_LABELS: Record<Show, string> = {
  all: 'All returns', outstanding: 'Outstanding', late: 'Late or chased', returned: 'Returned',
};

function matchesShow(cell: GridCell, show: Show): boolean {
  switch (show) {
    case 'outstanding': return cell.status !== 'returned';
    case 'late': return cell.status === 'late' || cell.status.startsWith('chased');
    case 'returned': return cell.status === 'returned';
    default: return true;
  }
}

export function ReturnsTab({ status, param }: { status: AppStatus; param: string | null }) {
  const windows = useWindows();
  const requested = idParam(param);
  const fallback = windows.data ? defaultWindow(windows.data) : null;
  const windowId = requested ?? fallback?.id ?? null;
  return (
    <QueryState loading={windows.isPending} error={windows.error} what="assessment windows">
      {windows.data && windows.data.length === 0 ? <NoWindows /> : windowId !== null && windows.data ? (
        <WindowReturns status={status} windowId={windowId} windows={windows.data} />
      ) : null}
    </QueryState>
  );
}

type Windows = NonNullable<ReturnType<typeof useWindows>['data']>;
interface Filters { teacher: string; subject: string; show: Show; search: string }

/** The picker, completion and filters stay put when the window changes (focus stays in the picker). */
function WindowReturns({ status, windowId, windows }: { status: AppStatus; windowId: number; windows: Windows }) {
  const styles = useProgressStyles();
  const own = useStyles();
  const grid = useReturnsGrid(windowId);
  const [filters, setFilters] = useState<Filters>({ teacher: '', subject: '', show: 'all', search: '' });
  const [importing, setImporting] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const win = windows.find((w) => w.id === windowId) ?? grid.data?.window;
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));

  // Items: every requested return (and, once a window is requested, subjects timetabled since),
  // children in register order, subjects in order.
  const cache = useRef(new WeakMap<GridCell, GridItem>());
  const items = useMemo<GridItem[]>(() => {
    const d = grid.data;
    if (!d) return [];
    const out: GridItem[] = [];
    for (const r of d.rows) {
      r.cells.forEach((cell, i) => {
        if (cell.returnId === null && !(d.window.requested && cell.timetabled)) return;
        let item = cache.current.get(cell);
        if (!item) {
          item = {
            rowKey: rowKeyOf(r.childId, cell.subjectId), childId: r.childId, childName: r.name, yearGroup: r.yearGroup,
            subjectId: cell.subjectId, subjectName: d.subjects[i]?.name ?? '', cell,
          };
          cache.current.set(cell, item);
        }
        out.push(item);
      });
    }
    return out;
  }, [grid.data]);

  const teachers = useMemo(() => {
    const m = new Map<number, string>();
    for (const i of items) if (i.cell.teacherId !== null) m.set(i.cell.teacherId, i.cell.teacherName ?? '');
    return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [items]);

  if (!win) return null;
  return (
    <div className={styles.stack}>
      <div className={styles.toolbar}>
        <WindowPicker windows={windows} value={windowId} onChange={(id) => goProgress('returns', id)} />
        {grid.data && grid.data.window.id === windowId ? (
          <div className={own.summary}>
            <CompletionSummary completion={grid.data.completion} label={`Completion of ${windowLabel(win)}`} />
          </div>
        ) : null}
        <div className={own.actions}>
          <Button onClick={() => setImporting(true)}>Import CSV</Button>
          {!win.requested || (grid.data && items.length === 0) ? (
            <Button appearance="primary" onClick={() => setRequesting(true)}>Request returns</Button>
          ) : null}
        </div>
      </div>
      <QueryState loading={grid.isPending} error={grid.error} what="returns">
        {grid.data ? (
          items.length === 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>
                <MessageBarTitle>No returns requested for {windowLabel(win)} yet.</MessageBarTitle>
                Request returns to create one for every child on roll and every subject on their timetable.
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <div className={styles.toolbar} role="group" aria-label="Filter the returns">
                <Field label="Teacher" className={styles.filter}>
                  <Select value={filters.teacher} onChange={(_e, d) => set('teacher', d.value)}>
                    <option value="">All teachers</option>
                    {teachers.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
                  </Select>
                </Field>
                <Field label="Subject" className={styles.filter}>
                  <Select value={filters.subject} onChange={(_e, d) => set('subject', d.value)}>
                    <option value="">All subjects</option>
                    {grid.data.subjects.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                  </Select>
                </Field>
                <Field label="Show" className={styles.filter}>
                  <Select value={filters.show} onChange={(_e, d) => set('show', d.value as Show)}>
                    {Object.entries(SHOW_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
                  </Select>
                </Field>
                <Field label="Find a child" className={styles.filter}>
                  <Input value={filters.search} onChange={(_e, d) => set('search', d.value)} type="search" autoComplete="off" />
                </Field>
              </div>
              {/* Unsaved edits belong to one window: a new window starts a new grid. */}
              <GridArea key={windowId} windowId={windowId} label={`Returns for ${windowLabel(win)}`} items={items} filters={filters} />
            </>
          )
        ) : null}
      </QueryState>
      {importing ? <ImportCsvDialog status={status} window={win} teachers={teachers} onClose={() => setImporting(false)} /> : null}
      {requesting ? <RequestReturnsDialog window={win} onClose={() => setRequesting(false)} /> : null}
    </div>
  );
}

/** The grid of one window with its saver, what is not saved, and the selected return. */
function GridArea({ windowId, label, items, filters }: { windowId: number; label: string; items: GridItem[]; filters: Filters }) {
  const styles = useProgressStyles();
  const own = useStyles();
  const qc = useQueryClient();
  const [announce, setAnnounce] = useState('');
  const [activeItem, setActiveItem] = useState<GridItem | null>(null);
  const gridRef = useRef<ReturnsGridHandle>(null);

  const onSaved = useCallback((result: SaveCellsResult) => {
    qc.setQueryData<GridData>(pk.grid(windowId), (old) => {
      if (!old) return old;
      const byKey = new Map(result.cells.map((c) => [rowKeyOf(c.childId, c.subjectId), c]));
      const rows = old.rows.map((r) => {
        if (!r.cells.some((c) => byKey.has(rowKeyOf(r.childId, c.subjectId)))) return r;
        return {
          ...r,
          cells: r.cells.map((c) => {
            const n = byKey.get(rowKeyOf(r.childId, c.subjectId));
            if (!n) return c;
            const { childId: _childId, ...cell } = n;
            return cell;
          }),
        };
      });
      return { ...old, rows, completion: result.completion };
    });
    void invalidateProgress(qc, { exceptGrid: windowId });
  }, [qc, windowId]);
  const saver = useCellSaver(windowId, onSaved);

  // The rows shown stay put while the user works: a return that becomes "returned" does not
  // vanish from the "Outstanding" view until the filters change.
  const { teacher, subject, show, search } = filters;
  const filterKey = `${teacher}|${subject}|${show}|${search.trim().toLowerCase()}`;
  const allKeys = useMemo(() => items.map((i) => i.rowKey).join(','), [items]);
  const [snapshot, setSnapshot] = useState<{ filterKey: string; allKeys: string; keys: Set<string> } | null>(null);
  let visibleKeys = snapshot?.keys;
  if (!snapshot || snapshot.filterKey !== filterKey || snapshot.allKeys !== allKeys) {
    const q = search.trim().toLowerCase();
    visibleKeys = new Set(items.filter((i) =>
      (!teacher || String(i.cell.teacherId) === teacher)
      && (!subject || String(i.subjectId) === subject)
      && matchesShow(i.cell, show)
      && (!q || i.childName.toLowerCase().includes(q)),
    ).map((i) => i.rowKey));
    setSnapshot({ filterKey, allKeys, keys: visibleKeys });
  }
  const visible = useMemo(() => items.filter((i) => visibleKeys!.has(i.rowKey)), [items, visibleKeys]);

  const errors = Object.values(saver.drafts).filter((d) => d.state === 'error');
  const inFlight = Object.values(saver.drafts).some((d) => d.state !== 'error');
  const itemByKey = useMemo(() => new Map(items.map((i) => [i.rowKey, i])), [items]);

  useEffect(() => {
    if (!announce) return;
    const t = setTimeout(() => setAnnounce(''), 6000);
    return () => clearTimeout(t);
  }, [announce]);

  return (
    <>
      <div className={own.statusLine}>
        <p className={own.hint} id="grid-help">
          Type to edit. <kbd className={own.kbd}>Enter</kbd> or <kbd className={own.kbd}>Tab</kbd> saves and moves on; arrows move;{' '}
          <kbd className={own.kbd}>Esc</kbd> cancels; <kbd className={own.kbd}>F2</kbd> edits; <kbd className={own.kbd}>Delete</kbd> clears.
          Paste blocks from Excel. Effort: 1 (best) to 4. <kbd className={own.kbd}>Ctrl+End</kbd> then <kbd className={own.kbd}>Tab</kbd> leaves the grid.
        </p>
        <span className={own.saveState} role="status" aria-live="polite" data-testid="save-state">
          {announce || (saver.saving || inFlight ? 'Saving…' : errors.length ? `${errors.length} ${errors.length === 1 ? 'cell is' : 'cells are'} not saved.` : '')}
        </span>
        <Text className={own.count}>{visible.length === items.length ? `${items.length} returns` : `${visible.length} of ${items.length} returns`}</Text>
      </div>
      {visible.length === 0 ? (
        <Text className={styles.muted}>No returns match these filters.</Text>
      ) : (
        <ReturnsGrid
          key={filterKey}
          ref={gridRef}
          label={label}
          describedBy="grid-help"
          items={visible}
          drafts={saver.drafts}
          onCommit={saver.commit}
          onActiveChange={setActiveItem}
          onAnnounce={setAnnounce}
        />
      )}
      {saver.failure ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Some changes were not saved.</MessageBarTitle>
            {saver.failure}
          </MessageBarBody>
          <MessageBarActions><Button onClick={saver.retry}>Try again</Button></MessageBarActions>
        </MessageBar>
      ) : null}
      {errors.length > 0 ? (
        <MessageBar intent="error" layout="multiline" data-testid="unsaved-cells">
          <MessageBarBody>
            <MessageBarTitle>{errors.length === 1 ? 'One cell was' : `${errors.length} cells were`} not saved</MessageBarTitle>
            <ul className={own.errList}>
              {errors.map((d) => {
                const item = itemByKey.get(d.rowKey);
                const col = COLUMNS.find((c) => c.field === d.field)!;
                return (
                  <li key={d.key}>
                    {item ? `${item.childName}, ${item.subjectName}, ${col.label}` : col.label}: {d.message}{' '}
                    <Button size="small" appearance="transparent" onClick={() => gridRef.current?.goTo(d.rowKey, d.field)}>Go to cell</Button>
                    <Button size="small" appearance="transparent" onClick={() => saver.discard(d.key)}>Undo</Button>
                  </li>
                );
              })}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {activeItem ? <ReturnDetail item={activeItem} /> : null}
    </>
  );
}

const STAGE_TEXT: Record<1 | 2 | 3, string> = {
  1: 'stage 1, a reminder to the teacher',
  2: 'stage 2, a chase copied to the subject leader',
  3: 'stage 3, escalated to senior leadership',
};

/** The selected return in full: dates, where it stands on the SLA ladder, the chases, the comments. */
function ReturnDetail({ item }: { item: GridItem }) {
  const styles = useProgressStyles();
  const own = useStyles();
  const c = item.cell;
  const detail = useQuery<Output<'getReturn'>, ApiError>({
    queryKey: pk.returnDetail(c.returnId ?? 0, `${c.status}:${c.lastChasedOn ?? ''}`),
    queryFn: () => call('getReturn', { id: c.returnId! }),
    enabled: c.returnId !== null,
  });
  const chases = detail.data?.chases ?? [];
  return (
    <section className={styles.card} aria-labelledby="return-detail-heading" data-testid="return-detail">
      <h3 id="return-detail-heading" className={styles.h3}>
        {item.subjectName} for {item.childName} ({yearLong(item.yearGroup)}) <StatusBadge status={c.status} returnedLate={c.returnedLate} />
      </h3>
      <div className={own.detail}>
        <dl className={own.dl}>
          <dt className={own.dt}>Teacher</dt><dd className={own.dd}>{c.teacherName ?? 'None on the timetable'}{c.classCode ? ` (${c.classCode})` : ''}</dd>
          <dt className={own.dt}>Requested</dt><dd className={own.dd}>{formatUkDate(c.requestedOn) || '—'}</dd>
          <dt className={own.dt}>Due</dt><dd className={own.dd}>{formatUkDate(c.dueOn) || '—'}{c.dueEstimated ? ' (estimated: the school calendar does not cover the dates)' : ''}</dd>
          <dt className={own.dt}>Received</dt><dd className={own.dd}>{c.returnedOn ? `${formatUkDate(c.returnedOn)}${c.returnedLate ? ', late' : ''}` : 'Not yet'}</dd>
        </dl>
        <dl className={own.dl}>
          <dt className={own.dt}>SLA</dt>
          <dd className={own.dd}>
            {c.slaStage === 0 ? (c.status === 'returned' ? 'Complete' : 'Not yet due')
              : `${c.schoolDaysOverdue} school ${c.schoolDaysOverdue === 1 ? 'day' : 'days'} overdue: ${STAGE_TEXT[c.slaStage]}`}
          </dd>
          {c.nextStageOn ? <><dt className={own.dt}>Next stage</dt><dd className={own.dd}>{formatUkDate(c.nextStageOn)}</dd></> : null}
          <dt className={own.dt}>Chased</dt>
          <dd className={own.dd}>
            {chases.length === 0 ? 'Not chased' : chases.map((ch) => `Stage ${ch.stage} on ${formatUkDate(ch.chasedOn)} (reply by ${formatUkDate(ch.replyBy)})`).join('; ')}
          </dd>
        </dl>
        <dl className={own.dl}>
          <dt className={own.dt}>What went well</dt><dd className={own.dd}><p className={own.quote}>{c.whatWentWell ?? '—'}</p></dd>
          <dt className={own.dt}>Even better if</dt><dd className={own.dd}><p className={own.quote}>{c.evenBetterIf ?? '—'}</p></dd>
        </dl>
      </div>
      {detail.isFetching && !detail.data ? <Spinner size="tiny" label="Loading the chase history…" /> : null}
    </section>
  );
}
