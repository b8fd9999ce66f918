// The returns grid: one row per return (child × subject) with the teacher's current, target and
// predicted grades, effort, "what went well" and "even better if". It behaves like a spreadsheet:
//   arrows move; typing starts an edit (replacing the cell); F2 or a double click edits what is
//   there; Enter commits and moves down (Shift+Enter up); Tab commits and moves right (Shift+Tab
//   left), and Enter after a run of Tabs goes back to the column the run started in; Escape
//   cancels an edit; Delete clears; Home/End and Ctrl+Home/Ctrl+End jump; Page Up/Down move ten
//   rows. Tab from the last cell (or Shift+Tab from the first) leaves the grid.
//   Tab-separated text pasted from Excel fills the block to the right and down from the cell.
// It is an ARIA grid with one tab stop (roving tabindex); each edit box is labelled with the
// child, subject and column.

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref,
  type ClipboardEvent as ReactClipboardEvent, type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import type { GridCell } from '../../api/contract.ts';
import { formatUkDate } from '../../lib/dates.ts';
import { flagLabel, StatusBadge, yearShort } from './common.tsx';
import { COLUMNS, draftKeyOf, isBlock, parseTsv, savedText, type EditField } from './gridModel.ts';
import type { CommitEntry, Draft } from './useCellSaver.ts';

export interface GridItem {
  rowKey: string;
  childId: number;
  childName: string;
  yearGroup: number;
  subjectId: number;
  subjectName: string;
  cell: GridCell;
}

interface Editing { row: number; col: number; value: string; mode: 'enter' | 'edit' }
interface Pos { row: number; col: number }

const NCOLS = COLUMNS.length;
const PAGE = 10;
/** Rows are a fixed height so only those in view (and a few either side) are rendered. */
const ROW_H = 48;
const OVERSCAN = 10;

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    maxHeight: 'calc(100vh - 250px)',
    minHeight: '160px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  table: { borderCollapse: 'separate', borderSpacing: 0, width: '100%', tableLayout: 'fixed', minWidth: '980px', fontSize: tokens.fontSizeBase300 },
  th: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  tr: { height: `${ROW_H}px` },
  spacer: { padding: 0, border: 'none' },
  rowHeader: {
    height: `${ROW_H}px`,
    boxSizing: 'border-box',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  info: {
    height: `${ROW_H}px`,
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  firstOfChild: { borderTop: `1px solid ${tokens.colorNeutralStroke1}` },
  strong: { fontWeight: tokens.fontWeightSemibold, display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  sub: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  below: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  cell: {
    position: 'relative',
    padding: `0 ${tokens.spacingHorizontalS}`,
    height: `${ROW_H}px`,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'cell',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    scrollMarginTop: '48px',
    outline: 'none',
    ':focus': { outline: 'none' },
  },
  grade: { fontVariantNumeric: 'tabular-nums' },
  active: {
    boxShadow: `inset 0 0 0 2px ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  activeBlurred: { boxShadow: `inset 0 0 0 2px ${tokens.colorNeutralStroke1}` },
  pending: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  error: {
    boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    overflow: 'visible',
  },
  errorMark: { fontWeight: tokens.fontWeightBold, marginRight: '2px' },
  bubble: {
    position: 'absolute',
    top: 'calc(100% + 2px)',
    left: 0,
    zIndex: 3,
    width: '300px',
    whiteSpace: 'normal',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorPaletteRedForeground1,
    border: `1px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    fontStyle: 'normal',
    fontSize: tokens.fontSizeBase200,
  },
  input: {
    position: 'absolute',
    inset: '2px',
    width: 'calc(100% - 4px)',
    boxSizing: 'border-box',
    border: `2px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    font: 'inherit',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    outline: 'none',
  },
  wideInput: { width: 'auto', minWidth: '320px', zIndex: 3, boxShadow: tokens.shadow16, right: 'auto', height: '36px' },
  wideInputEnd: { left: 'auto', right: '2px' },
  editingCell: { overflow: 'visible', zIndex: 3 },
});

/** Lets the screen move the grid to a cell (e.g. from the list of cells not saved). */
export interface ReturnsGridHandle { goTo: (rowKey: string, field: EditField) => void }

export interface ReturnsGridProps {
  ref?: Ref<ReturnsGridHandle>;
  label: string;
  /** The id of the text that explains the keys. */
  describedBy?: string;
  items: GridItem[];
  drafts: Record<string, Draft>;
  onCommit: (entries: CommitEntry[]) => void;
  onActiveChange?: (item: GridItem | null) => void;
  /** Announced politely, e.g. after a paste. */
  onAnnounce?: (message: string) => void;
}

export function ReturnsGrid({ ref, label, describedBy, items, drafts, onCommit, onActiveChange, onAnnounce }: ReturnsGridProps) {
  const styles = useStyles();
  const [active, setActive] = useState<Pos>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  const editingRef = useRef<Editing | null>(null);
  editingRef.current = editing;
  const tabStart = useRef<number | null>(null);
  const wantFocus = useRef(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [rowH, setRowH] = useState(ROW_H);

  const rows = items.length;
  const clamp = useCallback((p: Pos): Pos => ({
    row: Math.max(0, Math.min(rows - 1, p.row)),
    col: Math.max(0, Math.min(NCOLS - 1, p.col)),
  }), [rows]);

  const valueAt = useCallback((row: number, col: number): string => {
    const item = items[row];
    if (!item) return '';
    const field = COLUMNS[col]!.field;
    return drafts[draftKeyOf(item.rowKey, field)]?.value ?? savedText(item.cell, field);
  }, [items, drafts]);

  const entryFor = useCallback((row: number, col: number, value: string): CommitEntry | null => {
    const item = items[row];
    if (!item) return null;
    const field = COLUMNS[col]!.field;
    return { rowKey: item.rowKey, childId: item.childId, subjectId: item.subjectId, field, value, saved: savedText(item.cell, field) };
  }, [items]);

  const moveTo = useCallback((p: Pos) => {
    wantFocus.current = true;
    setActive(clamp(p));
  }, [clamp]);

  // Keep the active cell inside the rows (filters change the rows).
  useEffect(() => {
    if (rows > 0 && (active.row >= rows)) setActive((a) => ({ ...a, row: rows - 1 }));
  }, [rows, active.row]);

  useImperativeHandle(ref, () => ({
    goTo: (rowKey, field) => {
      const row = items.findIndex((i) => i.rowKey === rowKey);
      const col = COLUMNS.findIndex((c) => c.field === field);
      if (row >= 0 && col >= 0) moveTo({ row, col });
    },
  }), [items, moveTo]);

  const activeItem = items[active.row] ?? null;
  useEffect(() => { onActiveChange?.(activeItem); }, [activeItem, onActiveChange]);

  // The scroller's height (it changes with the window), and the real row height once rendered.
  useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    const measure = () => {
      setView((v) => (v.height === el.clientHeight ? v : { ...v, height: el.clientHeight }));
      const tr = el.querySelector<HTMLElement>('tbody tr[data-row]');
      const h = tr?.getBoundingClientRect().height;
      if (h && Math.abs(h - rowH) > 0.5) setRowH(h);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [rowH]);

  // Focus follows the active cell once the user is working in the grid.
  useLayoutEffect(() => {
    if (!wantFocus.current || editing) return;
    wantFocus.current = false;
    const td = tableRef.current?.querySelector<HTMLElement>(`[data-pos="${active.row}-${active.col}"]`);
    td?.focus();
  }, [active, editing]);

  const commitEdit = useCallback((ed: Editing) => {
    editingRef.current = null;
    setEditing(null);
    const e = entryFor(ed.row, ed.col, ed.value);
    if (e) onCommit([e]);
  }, [entryFor, onCommit]);

  const startEdit = (mode: Editing['mode'], initial?: string) => {
    if (!items[active.row]) return;
    setEditing({ row: active.row, col: active.col, value: initial ?? valueAt(active.row, active.col), mode });
  };

  /** Tab and Shift+Tab: right or left, wrapping to the next or previous row; false at the ends of the grid. */
  const tabMove = (from: Pos, back: boolean): boolean => {
    if (!back) {
      if (from.col < NCOLS - 1) moveTo({ row: from.row, col: from.col + 1 });
      else if (from.row < rows - 1) moveTo({ row: from.row + 1, col: 0 });
      else return false;
    } else {
      if (from.col > 0) moveTo({ row: from.row, col: from.col - 1 });
      else if (from.row > 0) moveTo({ row: from.row - 1, col: NCOLS - 1 });
      else return false;
    }
    if (tabStart.current === null) tabStart.current = from.col;
    return true;
  };

  const enterMove = (from: Pos, up: boolean) => {
    const col = tabStart.current ?? from.col;
    tabStart.current = null;
    moveTo({ row: from.row + (up ? -1 : 1), col });
  };

  const onCellKeyDown = (e: ReactKeyboardEvent<HTMLElement>) => {
    if (editingRef.current || e.target !== e.currentTarget) return;
    const { row, col } = active;
    const ctrl = e.ctrlKey || e.metaKey;
    const go = (p: Pos) => { e.preventDefault(); tabStart.current = null; moveTo(p); };
    switch (e.key) {
      case 'ArrowUp': return go({ row: row - 1, col });
      case 'ArrowDown': return go({ row: row + 1, col });
      case 'ArrowLeft': return go({ row, col: col - 1 });
      case 'ArrowRight': return go({ row, col: col + 1 });
      case 'PageUp': return go({ row: row - PAGE, col });
      case 'PageDown': return go({ row: row + PAGE, col });
      case 'Home': return go(ctrl ? { row: 0, col: 0 } : { row, col: 0 });
      case 'End': return go(ctrl ? { row: rows - 1, col: NCOLS - 1 } : { row, col: NCOLS - 1 });
      case 'Enter':
        e.preventDefault();
        return enterMove(active, e.shiftKey);
      case 'Tab':
        if (tabMove(active, e.shiftKey)) e.preventDefault();
        return;
      case 'F2':
        e.preventDefault();
        return startEdit('edit');
      case 'Delete': {
        e.preventDefault();
        const entry = entryFor(row, col, '');
        if (entry) onCommit([entry]);
        return;
      }
      case 'Backspace':
        e.preventDefault();
        return startEdit('enter', '');
      default:
        if (e.key.length === 1 && !ctrl && !e.altKey) {
          e.preventDefault();
          startEdit('enter', e.key);
        }
    }
  };

  const onInputKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    const ed = editingRef.current;
    if (!ed) return;
    const from = { row: ed.row, col: ed.col };
    switch (e.key) {
      case 'Enter':
        e.preventDefault();
        commitEdit(ed);
        enterMove(from, e.shiftKey);
        return;
      case 'Tab':
        commitEdit(ed);
        if (tabMove(from, e.shiftKey)) e.preventDefault();
        else wantFocus.current = false;
        return;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        editingRef.current = null;
        setEditing(null);
        wantFocus.current = true;
        setActive({ ...from });
        return;
      case 'ArrowUp': case 'ArrowDown': case 'ArrowLeft': case 'ArrowRight':
        if (ed.mode !== 'enter') return; // editing what was there: arrows move the caret
        e.preventDefault();
        commitEdit(ed);
        tabStart.current = null;
        moveTo({
          row: from.row + (e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0),
          col: from.col + (e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0),
        });
        return;
      default:
    }
  };

  const onInputBlur = () => {
    const ed = editingRef.current;
    if (ed) commitEdit(ed);
  };

  const onPaste = (e: ReactClipboardEvent<HTMLTableElement>) => {
    const text = e.clipboardData.getData('text/plain');
    const ed = editingRef.current;
    if (ed && !isBlock(text)) return; // a single value pasted into the edit box
    e.preventDefault();
    if (!text) return;
    const start = ed ? { row: ed.row, col: ed.col } : active;
    if (ed) {
      editingRef.current = null;
      setEditing(null);
    }
    const block = parseTsv(text);
    const entries: CommitEntry[] = [];
    let outside = 0;
    block.forEach((values, r) => values.forEach((value, c) => {
      const row = start.row + r;
      const col = start.col + c;
      if (row >= rows || col >= NCOLS) {
        if (value.trim()) outside++;
        return;
      }
      const entry = entryFor(row, col, value);
      if (entry) entries.push(entry);
    }));
    if (entries.length) onCommit(entries);
    const rowCount = new Set(entries.map((x) => x.rowKey)).size;
    onAnnounce?.(`Pasted ${entries.length} ${entries.length === 1 ? 'value' : 'values'} into ${rowCount} ${rowCount === 1 ? 'return' : 'returns'}${outside ? `; ${outside} did not fit in the grid and were left out` : ''}.`);
    wantFocus.current = true;
    setActive({ ...start });
  };

  const onCopy = (e: ReactClipboardEvent<HTMLTableElement>) => {
    if (editingRef.current) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', valueAt(active.row, active.col));
  };

  const onCellMouseDown = useCallback((row: number, col: number) => {
    const ed = editingRef.current;
    if (ed && (ed.row !== row || ed.col !== col)) commitEdit(ed);
    tabStart.current = null;
    wantFocus.current = true;
    setActive({ row, col });
  }, [commitEdit]);

  const valueAtRef = useRef(valueAt);
  valueAtRef.current = valueAt;
  const onCellDoubleClick = useCallback((row: number, col: number) => {
    setActive({ row, col });
    setEditing({ row, col, value: valueAtRef.current(row, col), mode: 'edit' });
  }, []);

  const setEditValue = useCallback((value: string) => {
    setEditing((ed) => (ed ? { ...ed, value } : ed));
  }, []);

  const handlers = useRef({ onCellKeyDown, onInputKeyDown, onInputBlur, onCellMouseDown, onCellDoubleClick, setEditValue });
  handlers.current = { onCellKeyDown, onInputKeyDown, onInputBlur, onCellMouseDown, onCellDoubleClick, setEditValue };
  const stable = useRef<RowHandlers>({
    keyDown: (e) => handlers.current.onCellKeyDown(e),
    inputKeyDown: (e) => handlers.current.onInputKeyDown(e),
    inputBlur: () => handlers.current.onInputBlur(),
    mouseDown: (r, c) => handlers.current.onCellMouseDown(r, c),
    doubleClick: (r, c) => handlers.current.onCellDoubleClick(r, c),
    editValue: (v) => handlers.current.setEditValue(v),
  }).current;

  // Only the rows in view (and OVERSCAN either side) are in the page; the active row always is.
  let start = Math.max(0, Math.floor(view.top / rowH) - OVERSCAN);
  let end = Math.min(rows, Math.ceil((view.top + (view.height || 800)) / rowH) + OVERSCAN);
  if (active.row < start) start = active.row;
  if (active.row >= end) end = Math.min(rows, active.row + 1);

  return (
    <div className={styles.scroller} ref={scrollerRef} onScroll={(e) => {
      const top = e.currentTarget.scrollTop;
      setView((v) => (v.top === top ? v : { ...v, top }));
    }}>
      <table
        ref={tableRef}
        role="grid"
        aria-label={label}
        aria-describedby={describedBy}
        aria-rowcount={rows + 1}
        aria-colcount={3 + NCOLS}
        className={styles.table}
        onPaste={onPaste}
        onCopy={onCopy}
        onFocus={() => setHasFocus(true)}
        onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHasFocus(false); }}
      >
        <colgroup>
          <col style={{ width: '165px' }} />
          <col style={{ width: '165px' }} />
          <col style={{ width: '140px' }} />
          <col style={{ width: '72px' }} />
          <col style={{ width: '72px' }} />
          <col style={{ width: '80px' }} />
          <col style={{ width: '60px' }} />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className={styles.th}>Child</th>
            <th scope="col" className={styles.th}>Subject</th>
            <th scope="col" className={styles.th}>Status</th>
            {COLUMNS.map((c) => <th key={c.field} scope="col" className={styles.th}>{c.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {start > 0 ? <tr aria-hidden="true" style={{ height: `${start * rowH}px` }}><td colSpan={3 + NCOLS} className={styles.spacer} /></tr> : null}
          {items.slice(start, end).map((item, k) => {
            const i = start + k;
            return (
              <GridRowView
                key={item.rowKey}
                item={item}
                index={i}
                firstOfChild={i === 0 || items[i - 1]!.childId !== item.childId}
                activeCol={active.row === i ? active.col : -1}
                focused={hasFocus}
                editing={editing && editing.row === i ? editing : null}
                drafts={COLUMNS.map((c) => drafts[draftKeyOf(item.rowKey, c.field)])}
                h={stable}
              />
            );
          })}
          {end < rows ? <tr aria-hidden="true" style={{ height: `${(rows - end) * rowH}px` }}><td colSpan={3 + NCOLS} className={styles.spacer} /></tr> : null}
        </tbody>
      </table>
    </div>
  );
}

interface RowHandlers {
  keyDown: (e: ReactKeyboardEvent<HTMLElement>) => void;
  inputKeyDown: (e: ReactKeyboardEvent<HTMLInputElement>) => void;
  inputBlur: () => void;
  mouseDown: (row: number, col: number) => void;
  doubleClick: (row: number, col: number) => void;
  editValue: (value: string) => void;
}

interface RowProps {
  item: GridItem;
  index: number;
  firstOfChild: boolean;
  activeCol: number;
  focused: boolean;
  editing: Editing | null;
  drafts: (Draft | undefined)[];
  h: RowHandlers;
}

const sameRow = (a: RowProps, b: RowProps): boolean =>
  a.item === b.item && a.index === b.index && a.firstOfChild === b.firstOfChild && a.activeCol === b.activeCol
  && (a.activeCol === -1 || a.focused === b.focused) && a.editing === b.editing && a.drafts.every((d, i) => d === b.drafts[i]);

const GridRowView = memo(function GridRowView({ item, index, firstOfChild, activeCol, focused, editing, drafts, h }: RowProps) {
  const styles = useStyles();
  const c = item.cell;
  const outstanding = c.status !== 'returned' && c.status !== 'not_requested';
  const top = firstOfChild ? styles.firstOfChild : undefined;
  return (
    <tr aria-rowindex={index + 2} data-row={item.rowKey} className={styles.tr}>
      <th scope="row" className={mergeClasses(styles.rowHeader, top)}>
        {/* The child's name shows once per child; screen readers hear it on every row. */}
        <span className={firstOfChild ? styles.strong : 'visually-hidden'}>{item.childName}</span>
        <span className={firstOfChild ? styles.sub : 'visually-hidden'}>{yearShort(item.yearGroup)}</span>
      </th>
      <td role="gridcell" className={mergeClasses(styles.info, top)}>
        <span className={styles.strong}>{item.subjectName}</span>
        <span className={styles.sub}>{[c.teacherName ?? 'No teacher', c.classCode].filter(Boolean).join(' · ')}</span>
      </td>
      <td role="gridcell" className={mergeClasses(styles.info, top)} data-testid="status">
        <StatusBadge status={c.status} returnedLate={c.returnedLate} />
        <span className={mergeClasses(styles.sub, c.flag === 'below' && styles.below)}>
          {outstanding && c.dueOn ? `Due ${formatUkDate(c.dueOn)}` : c.flag ? flagLabel(c.flag) : c.returnedOn ? `On ${formatUkDate(c.returnedOn)}` : ''}
        </span>
      </td>
      {COLUMNS.map((col, ci) => {
        const draft = drafts[ci];
        const isActive = activeCol === ci;
        const isEditing = editing !== null && editing.col === ci;
        const value = draft ? draft.value : savedText(c, col.field);
        const error = draft?.state === 'error' ? draft.message ?? 'Not saved.' : null;
        const errorId = error ? `err-${item.rowKey}-${col.field}`.replace(/:/g, '-') : undefined;
        return (
          <td
            key={col.field}
            role="gridcell"
            data-pos={`${index}-${ci}`}
            data-field={col.field}
            tabIndex={isActive ? 0 : -1}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            title={col.wide && value.length > 24 ? value : undefined}
            className={mergeClasses(
              styles.cell, top, col.wide ? undefined : styles.grade,
              isActive && (focused ? styles.active : styles.activeBlurred),
              draft && draft.state !== 'error' && styles.pending,
              error ? styles.error : undefined,
              isEditing && styles.editingCell,
            )}
            onKeyDown={h.keyDown}
            onMouseDown={() => h.mouseDown(index, ci)}
            onDoubleClick={() => h.doubleClick(index, ci)}
          >
            {isEditing ? (
              <input
                className={mergeClasses(styles.input, col.wide && styles.wideInput, col.wide && ci === NCOLS - 1 && styles.wideInputEnd)}
                aria-label={`${col.label}, ${item.subjectName}, ${item.childName}`}
                value={editing.value}
                autoComplete="off"
                spellCheck={col.wide}
                maxLength={col.wide ? 2000 : 20}
                onChange={(e) => h.editValue(e.target.value)}
                onKeyDown={h.inputKeyDown}
                onBlur={h.inputBlur}
                ref={(el) => {
                  if (el && document.activeElement !== el) {
                    el.focus();
                    const end = el.value.length;
                    el.setSelectionRange(end, end);
                  }
                }}
              />
            ) : (
              <>
                {error ? <span className={styles.errorMark} aria-hidden="true">!</span> : null}
                {value}
                {draft && draft.state !== 'error' ? <span className="visually-hidden"> (saving)</span> : null}
                {error ? <span id={errorId} className="visually-hidden">Not saved: {error}</span> : null}
                {error && isActive ? <span className={styles.bubble} aria-hidden="true" data-testid="cell-error">{error}</span> : null}
              </>
            )}
          </td>
        );
      })}
    </tr>
  );
}, sameRow);
