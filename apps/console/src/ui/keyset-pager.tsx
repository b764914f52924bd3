import { useState } from 'react';
import { useTranslation } from 'react-i18next';

// Keyset paging for every list of the console: the cursors of the pages seen
// are kept, so going back to newer pages needs no server support.

export interface KeysetCursors {
  /** The `after` argument of the current page (null: the first). */
  after: string | null;
  /** 1-based number of the current page. */
  page: number;
  newer(): void;
  older(endCursor: string): void;
}

export function useKeysetCursors(): KeysetCursors {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    newer: () => setCursors((c) => c.slice(0, -1)),
    older: (endCursor) => setCursors((c) => [...c, endCursor]),
  };
}

interface Props {
  cursors: KeysetCursors;
  /** The page's pageInfo, undefined while it loads. */
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  testIds?: { newer?: string; page?: string; older?: string };
}

/** "← newer · page n · older →" under a keyset-paged list. */
export function KeysetPager({ cursors, pageInfo, testIds = {} }: Props) {
  const { t } = useTranslation();
  return (
    <div className="pager">
      <button type="button" className="small" disabled={cursors.page <= 1} onClick={cursors.newer} data-testid={testIds.newer}>
        ← {t('pager.newer')}
      </button>
      <span className="muted small" data-testid={testIds.page}>
        {t('pager.page', { page: cursors.page })}
      </span>
      <button
        type="button"
        className="small"
        disabled={!pageInfo?.hasNextPage}
        onClick={() => pageInfo?.endCursor && cursors.older(pageInfo.endCursor)}
        data-testid={testIds.older}
      >
        {t('pager.older')} →
      </button>
    </div>
  );
}
