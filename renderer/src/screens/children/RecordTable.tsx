// A table of one kind of record in a child's file (placements, schools, attendance periods…): a row
// per record, with Edit and Delete when the file can be changed, or a line saying there is none.

import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Empty, useChildStyles } from './common.tsx';

/** Edit and Delete for one record; `name` completes their accessible names ("Edit placement from 01/09/2025"). */
export function RecordActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <>
      <Button size="small" onClick={onEdit} aria-label={`Edit ${name}`}>Edit</Button>
      <Button size="small" onClick={onDelete} aria-label={`Delete ${name}`}>Delete</Button>
    </>
  );
}

type RowAttributes = { className?: string } & { [attribute: `data-${string}`]: string };

export function RecordTable<T extends { id: number }>({ label, headers, rows, empty, cells, rowProps, actions }: {
  /** The table's accessible name. */
  label: string;
  headers: string[];
  rows: T[];
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** The row's data cells. */
  cells: (row: T) => ReactNode;
  rowProps?: (row: T) => RowAttributes;
  /** Edit and Delete per row; left out when the file is read-only. */
  actions?: { name: (row: T) => string; onEdit: (row: T) => void; onDelete: (row: T) => void };
}) {
  const common = useChildStyles();
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <div className={common.plainTableWrap}>
      <Table className={common.table} aria-label={label} size="small">
        <TableHeader>
          <TableRow>
            {headers.map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}
            {actions ? <TableHeaderCell><span className="visually-hidden">Actions</span></TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} {...rowProps?.(row)}>
              {cells(row)}
              {actions ? (
                <TableCell>
                  <div className={common.cellActions}>
                    <RecordActions name={actions.name(row)} onEdit={() => actions.onEdit(row)} onDelete={() => actions.onDelete(row)} />
                  </div>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
