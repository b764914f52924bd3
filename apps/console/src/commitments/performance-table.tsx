import { useMemo, useState, type ReactNode } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { fmtCount } from '../ui/format';
import type { PerformanceRow } from './commitments-api';

const col = createColumnHelper<PerformanceRow>();
const NUMBERS = ['started', 'met', 'breached', 'open', 'atRisk', 'causedBreaches'] as const;

/** Kept rate as a percentage with one decimal; none resolved yet: an em dash. */
export const fmtRate = (v: number | null | undefined): string => (v == null ? '—' : `${(v * 100).toFixed(1)} %`);

/** Per code over the window: started, met, breached, open, at risk, kept rate, caused breaches; sortable by any column. */
export function PerformanceTable({ rows }: { rows: PerformanceRow[] }): ReactNode {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(
    () => [
      col.accessor('code', {
        header: () => t('board.perf.code'),
        cell: (c) => (
          <span className={`code-cell level-${c.row.original.level}`}>
            <code>{c.getValue()}</code> <span className="muted small">{c.row.original.name}</span>
          </span>
        ),
      }),
      col.accessor('level', { header: () => t('board.perf.level'), meta: { num: true } }),
      ...NUMBERS.map((k) => col.accessor(k, { header: () => t(`board.perf.${k}`), cell: (c) => fmtCount(c.getValue()), meta: { num: true } })),
      col.accessor('keptRate', {
        header: () => t('board.perf.keptRate'),
        cell: (c) => <span className={rateClass(c.getValue())}>{fmtRate(c.getValue())}</span>,
        sortDescFirst: true,
        sortingFn: (a, b) => (a.original.keptRate ?? -1) - (b.original.keptRate ?? -1),
        meta: { num: true },
      }),
    ],
    [t],
  );
  const table = useReactTable({ data: rows, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });
  return (
    <div className="table-scroll">
      <table className="table perf-table" data-testid="performance-table">
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const num = (h.column.columnDef.meta as { num?: boolean } | undefined)?.num;
                return (
                  <th key={h.id} className={num ? 'num' : undefined} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()} data-testid={`sort-${h.column.id}`}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span className="sort-mark">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((r) => (
            <tr key={r.id} data-testid="perf-row" data-code={r.original.code}>
              {r.getVisibleCells().map((c) => (
                <td key={c.id} className={(c.column.columnDef.meta as { num?: boolean } | undefined)?.num ? 'num' : undefined}>
                  {flexRender(c.column.columnDef.cell, c.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function rateClass(v: number | null): string {
  if (v == null) return 'muted';
  return v >= 0.9 ? 'ok' : v < 0.7 ? 'bad' : 'warn';
}
