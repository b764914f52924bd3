import { useMemo, useState, type ReactNode } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingFn, type SortingState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { CHAINS, type Chain } from '@qihe/domain';
import { fmtScore } from '../ui/format';
import { Delta, MIN_SAMPLE, tooFew } from '../ui/sample';
import type { EngagementScoreData } from './gateway-api';

export interface ScoreRow {
  key: string;
  label: ReactNode;
  score: EngagementScoreData;
  /** The same row over the previous window of the same length (null: it had no touchpoints then). */
  previous?: EngagementScoreData | null;
  /** The touchpoints behind this row: its count links there. */
  href?: string | null;
}

interface Props {
  rows: ScoreRow[];
  /** Rank rows by overall score (best first, absent scores last). */
  ranked?: boolean;
  /** Whether previous-window values were asked for (a delta column beside each score). */
  withPrevious?: boolean;
  testId: string;
}

type Ranked = ScoreRow & { rank: number | null };
const col = createColumnHelper<Ranked>();
const chainOf = (s: EngagementScoreData | null | undefined, c: Chain): number | null | undefined => s?.chains.find((x) => x.chain === c)?.score;
const byOverall = (a: ScoreRow, b: ScoreRow): number => (b.score.overall ?? -1) - (a.score.overall ?? -1);
// Absent scores sort below every score in either direction.
const scoreSort =
  (get: (r: Ranked) => number | null | undefined): SortingFn<Ranked> =>
  (a, b) =>
    (get(a.original) ?? -1) - (get(b.original) ?? -1);

/**
 * Units or slices side by side: touchpoints (n, a link to them), overall and the
 * four chains, each with its change against the previous window; sortable by
 * any column (@tanstack/react-table). Rows under MIN_SAMPLE touchpoints are marked too few.
 */
export function ScoresTable({ rows, ranked, withPrevious, testId }: Props): ReactNode {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const data = useMemo<Ranked[]>(() => {
    const shown = ranked ? [...rows].sort(byOverall) : rows;
    return shown.map((r, i) => ({ ...r, rank: ranked && r.score.overall != null ? i + 1 : null }));
  }, [rows, ranked]);

  const columns = useMemo(() => {
    const scoreCell = (r: Ranked, now: number | null | undefined, before: number | null | undefined): ReactNode => (
      <>
        {fmtScore(now)}
        {withPrevious && (
          <>
            {' '}
            <Delta now={now} before={before} nNow={r.score.touchpoints} nBefore={r.previous?.touchpoints ?? 0} />
          </>
        )}
      </>
    );
    return [
      ...(ranked ? [col.accessor('rank', { header: () => t('score.rank'), cell: (c) => c.getValue() ?? '—', sortingFn: scoreSort((r) => (r.rank == null ? null : -r.rank)), meta: { num: true, cls: 'rank' } })] : []),
      col.accessor('key', { header: () => '', cell: (c) => c.row.original.label, enableSorting: false }),
      col.accessor((r) => r.score.touchpoints, {
        id: 'n',
        header: () => t('score.touchpointsShort'),
        sortDescFirst: true,
        cell: (c) => {
          const r = c.row.original;
          const n = r.score.touchpoints;
          return (
            <>
              {r.href ? (
                <a href={r.href} data-testid={`${testId}-touchpoints`}>
                  {n}
                </a>
              ) : (
                n
              )}
              {tooFew(n) && (
                <span className="too-few mark" data-testid="too-few" title={t('sample.tooFewHint', { min: MIN_SAMPLE })}>
                  {' '}
                  {t('sample.few')}
                </span>
              )}
            </>
          );
        },
        meta: { num: true },
      }),
      col.accessor((r) => r.score.overall, {
        id: 'overall',
        header: () => t('score.overall'),
        sortDescFirst: true,
        sortingFn: scoreSort((r) => r.score.overall),
        cell: (c) => scoreCell(c.row.original, c.row.original.score.overall, c.row.original.previous?.overall),
        meta: { num: true, cls: 'strong' },
      }),
      ...CHAINS.map((ch) =>
        col.accessor((r) => chainOf(r.score, ch), {
          id: ch,
          header: () => t(`chainShort.${ch}`),
          sortDescFirst: true,
          sortingFn: scoreSort((r) => chainOf(r.score, ch)),
          cell: (c) => scoreCell(c.row.original, chainOf(c.row.original.score, ch), chainOf(c.row.original.previous, ch)),
          meta: { num: true },
        }),
      ),
    ];
  }, [t, ranked, withPrevious, testId]);

  const table = useReactTable({ data, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });
  const metaOf = (m: unknown): { num?: boolean; cls?: string } => (m ?? {}) as { num?: boolean; cls?: string };
  return (
    <div className="table-scroll">
      <table className="table scores-table" data-testid={testId}>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const meta = metaOf(h.column.columnDef.meta);
                return (
                  <th key={h.id} className={meta.num ? 'num' : undefined} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                    {h.column.getCanSort() ? (
                      <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()} data-testid={`${testId}-sort-${h.column.id}`}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span className="sort-mark">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((r) => (
            <tr key={r.original.key} className={tooFew(r.original.score.touchpoints) ? 'few' : undefined} data-testid={`${testId}-row`} data-key={r.original.key}>
              {r.getVisibleCells().map((c) => {
                const meta = metaOf(c.column.columnDef.meta);
                return (
                  <td key={c.id} className={[meta.num ? 'num' : '', meta.cls ?? ''].join(' ').trim() || undefined}>
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
