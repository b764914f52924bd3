import { Inject, Injectable } from '@nestjs/common';
import { sumBySlice, sumByBucket, sumByStarts, sumByUnit, type ReadSql } from '@qihe/data';
import {
  checkWindow,
  inScope,
  overallScore,
  scoreCounters,
  trendWindows,
  zonedTrendWindows,
  zeroCounters,
  type Caller,
  type Counters,
  type EngagementModel,
  type OrgUnitRecord,
  type SliceDimension,
  type TimeWindow,
  type TrendInterval,
} from '@qihe/domain';
import { forbidden } from '@qihe/server';
import { READ_DATABASE, ENGAGEMENT_MODEL } from '../core/tokens';
import { OrgService } from '../core/org.service';
import type { EngagementScoreModel, SliceScoreModel } from './models/engagement-score.model';

// Scores read only rollups: the cost of a query grows with the number of
// rollup rows in its window (a row per whole UTC day, per hour at the edges,
// per hour and slice value for a breakdown), never with the number of touchpoints.
// Who may read scores at all is the resolver's @Callers; which units, checked
// here. A bad window (WindowError) reaches the caller as BAD_USER_INPUT.

@Injectable()
export class ScoresService {
  constructor(
    @Inject(READ_DATABASE) private readonly db: ReadSql,
    @Inject(ENGAGEMENT_MODEL) private readonly model: EngagementModel,
    private readonly org: OrgService,
  ) {}

  async score(caller: Caller, unitId: string, from: Date, to: Date): Promise<EngagementScoreModel> {
    const unit = this.authorise(caller, unitId, 'unitId');
    const w = checkWindow(from, to);
    const sums = await sumByUnit(this.db, [unit.id], w.from, w.to);
    return this.present(unit, w, sums.get(unit.id));
  }

  async children(caller: Caller, parentId: string, from: Date, to: Date): Promise<EngagementScoreModel[]> {
    const parent = this.authorise(caller, parentId, 'parentId');
    const w = checkWindow(from, to);
    const kids = this.org.tree.children(parent.id);
    if (kids.length === 0) return [];
    const sums = await sumByUnit(this.db, kids.map((k) => k.id), w.from, w.to);
    return kids.map((k) => this.present(k, w, sums.get(k.id)));
  }

  async breakdown(caller: Caller, unitId: string, from: Date, to: Date, by: SliceDimension): Promise<SliceScoreModel[]> {
    const unit = this.authorise(caller, unitId, 'unitId');
    const w = checkWindow(from, to);
    const sums = await sumBySlice(this.db, unit.id, by, w.from, w.to);
    return [...sums.entries()].filter(([, c]) => c.touchpoints > 0).map(([value, c]) => ({ value, score: this.present(unit, w, c) }));
  }

  async trend(caller: Caller, unitId: string, from: Date, to: Date, interval: TrendInterval, timeZone: string | null = null): Promise<EngagementScoreModel[]> {
    const unit = this.authorise(caller, unitId, 'unitId');
    const w = checkWindow(from, to);
    if (timeZone !== null) {
      // Local days and weeks vary in length (daylight saving): bucketed from hour rollups by their starts.
      const zoned = zonedTrendWindows(w, interval, timeZone);
      const sums = await sumByStarts(this.db, unit.id, zoned.map((z) => z.from), w.to);
      return zoned.map((win, i) => this.present(unit, win, sums.get(i)));
    }
    const windows = trendWindows(w, interval);
    const step = windows.length > 1 ? windows[1].from - windows[0].from : w.to - w.from;
    const sums = await sumByBucket(this.db, unit.id, w.from, w.to, step);
    return windows.map((win, i) => this.present(unit, win, sums.get(i)));
  }

  private authorise(caller: Caller, unitId: string, argument: string): OrgUnitRecord {
    const unit = this.org.require(unitId, argument);
    if (!inScope(caller, this.org.tree, unit.id)) {
      throw forbidden(`${argument}: you may not read engagement scores of "${unitId}"`);
    }
    return unit;
  }

  /**
   * A score as the API answers it. The chains and their measures are built when a caller reads them: a breakdown
   * of 10,000 agents that asks each one's overall score no longer builds (and keeps until the answer is written)
   * 22 objects per agent. The overall comes from the same arithmetic either way (overallScore).
   */
  private present(unit: OrgUnitRecord, w: TimeWindow, counters: Counters | undefined): EngagementScoreModel {
    const c = counters ?? zeroCounters();
    const model = this.model;
    let chains: EngagementScoreModel['chains'] | undefined;
    return {
      unit,
      from: new Date(w.from),
      to: new Date(w.to),
      touchpoints: c.touchpoints,
      overall: overallScore(c, model),
      get chains() {
        return (chains ??= scoreCounters(c, model).chains);
      },
      modelVersion: model.version,
    };
  }
}
