import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../__generated__/gateway';
import { problemOf } from '../api/errors';
import { fmtCount } from '../ui/format';
import { ProblemBox } from '../ui/states';

// Open / at risk / breached now: the gateway counts the nodes in each state at
// the moment it answers (one request, four totals), the board only shows them.
const BOARD_COUNTS = graphql(`
  query BoardCounts($unitId: ID!, $from: DateTime!, $to: DateTime!, $owned: Boolean!, $level: Int) {
    open: commitments(unitId: $unitId, from: $from, to: $to, owned: $owned, level: $level, states: [OPEN, AT_RISK], first: 1) {
      totalCount
    }
    atRisk: commitments(unitId: $unitId, from: $from, to: $to, owned: $owned, level: $level, states: [AT_RISK], first: 1) {
      totalCount
    }
    breached: commitments(unitId: $unitId, from: $from, to: $to, owned: $owned, level: $level, states: [BREACHED], first: 1) {
      totalCount
    }
    met: commitments(unitId: $unitId, from: $from, to: $to, owned: $owned, level: $level, states: [MET], first: 1) {
      totalCount
    }
  }
`);

interface Props {
  unitId: string;
  from: string;
  to: string;
  owned: boolean;
  /** Only level-1 promises (the unit's own view); null: every node the unit owns. */
  level: number | null;
  hrefOf: (state: string) => string;
}

export function BoardCounts({ unitId, from, to, owned, level, hrefOf }: Props): ReactNode {
  const { t } = useTranslation();
  const q = useQuery(BOARD_COUNTS, { variables: { unitId, from, to, owned, level }, pollInterval: 15_000 });
  const problem = problemOf(q.error);
  if (problem) return <ProblemBox problem={problem} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const cards: { key: string; state: string; value: number | undefined }[] = [
    { key: 'open', state: 'OPEN,AT_RISK', value: d?.open.totalCount },
    { key: 'atRisk', state: 'AT_RISK', value: d?.atRisk.totalCount },
    { key: 'breached', state: 'BREACHED', value: d?.breached.totalCount },
    { key: 'met', state: 'MET', value: d?.met.totalCount },
  ];
  return (
    <div className="board-counts" data-testid="board-counts">
      {cards.map((c) => (
        <a key={c.key} className={`count-card count-${c.key}`} href={hrefOf(c.state)} data-testid={`count-${c.key}`}>
          <span className="score-label">{t(`board.count.${c.key}`)}</span>
          <span className="score-value">{c.value == null ? '…' : fmtCount(c.value)}</span>
        </a>
      ))}
    </div>
  );
}
