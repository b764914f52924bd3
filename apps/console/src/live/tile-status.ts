import { useQuery } from '@apollo/client/react';
import { statusOf, type Status } from '@qihe/domain';
import { OVERALL_TARGET } from '../unit/indicators-api';

// A tile's colour: the unit's rolling overall score against the `overall`
// target in force for that unit (set there, inherited, or the model's
// default), judged by the same rule as the indicators (statusOf: GREEN when
// met, AMBER within the amber band, else RED). The indicator status itself is
// over a window of whole hours and would not move with the feed; the tile's
// score does, so its colour is judged on the number the tile shows.

export interface TileTarget {
  target: number;
  amberBand: number;
}

/** The `overall` target in force for a unit; undefined while loading or when the caller may not read it. */
export function useOverallTarget(unitId: string): TileTarget | undefined {
  const q = useQuery(OVERALL_TARGET, { variables: { unitId }, fetchPolicy: 'cache-first' });
  const t = q.data?.targets.find((x) => x.key === 'overall');
  return t ? { target: t.target, amberBand: t.amberBand } : undefined;
}

/** null: no score or no target (the tile stays neutral). */
export const tileStatus = (overall: number | null | undefined, target: TileTarget | undefined): Status | null =>
  statusOf(overall ?? null, target?.target ?? null, target?.amberBand ?? 0, true);
