import { Inject, Injectable } from '@nestjs/common';
import { recoveryCounts, sumBySlice, sumByUnit, sumWindows, targetsOf, upsertTarget, type Database, type ReadSql } from '@qihe/data';
import {
  actorOf,
  checkWindow,
  computeIndicators,
  inScope,
  scoreEngagementTypes,
  scorePerceptionPoints,
  targetKeys,
  targetProblem,
  targetsInForce,
  zeroCounters,
  type Caller,
  type EngagementModel,
  type EngagementTypeResult,
  type IndicatorResult,
  type OrgUnitRecord,
  type PerceptionPointScore,
  type RequestOrigin,
  type TargetInForce,
} from '@qihe/domain';
import { badInput, forbidden } from '@qihe/server';
import { AuditService } from '../audit/audit.service';
import { DATABASE, ENGAGEMENT_MODEL, READ_DATABASE } from '../core/tokens';
import { OrgService } from '../core/org.service';
import type { TargetInput, TargetModel } from './models/indicator.model';
import { PerceptionCatalogueService } from './perception-catalogue.service';

// Indicators, targets, perception points and the four engagement types
// (MANAGEMENT-MODEL.md §4-§6), read from rollups like the scores: the cost
// grows with the rollup rows of the window, never with the touchpoints.
// Follow-up recovery is counted from follow-ups (few, indexed by unit).

@Injectable()
export class IndicatorsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    // Sums and recovery counts tolerate a standby's lag; targets are read where setTarget writes them.
    @Inject(READ_DATABASE) private readonly reads: ReadSql,
    @Inject(ENGAGEMENT_MODEL) private readonly model: EngagementModel,
    private readonly org: OrgService,
    private readonly audit: AuditService,
    private readonly perception: PerceptionCatalogueService,
  ) {}

  async indicators(caller: Caller, unitId: string, from: Date, to: Date): Promise<IndicatorResult[]> {
    const unit = this.authorise(caller, unitId, 'read indicators of');
    const w = checkWindow(from, to);
    // The window and the one before it, each read in one statement: three round trips, not five.
    const windows = [[w.from, w.to], [w.from - (w.to - w.from), w.from]] as const;
    const [[now, prev], [recNow, recPrev], targets] = await Promise.all([
      sumWindows(this.reads, unit.id, windows),
      recoveryCounts(this.reads, unit.id, windows),
      this.inForce(unit.id),
    ]);
    return computeIndicators({ counters: now, recovery: recNow }, { counters: prev, recovery: recPrev }, targets, this.model);
  }

  async engagementTypes(caller: Caller, unitId: string, from: Date, to: Date): Promise<EngagementTypeResult[]> {
    const unit = this.authorise(caller, unitId, 'read engagement types of');
    const w = checkWindow(from, to);
    const sums = await sumByUnit(this.reads, [unit.id], w.from, w.to);
    return scoreEngagementTypes(sums.get(unit.id) ?? zeroCounters(), this.model);
  }

  /** Every catalogue point scored over its members in the subtree and window (the PERCEPTION_POINT slice), short boards marked. */
  async perceptionPoints(caller: Caller, unitId: string, from: Date, to: Date): Promise<PerceptionPointScore[]> {
    const unit = this.authorise(caller, unitId, 'read perception points of');
    const w = checkWindow(from, to);
    const sums = await sumBySlice(this.reads, unit.id, 'PERCEPTION_POINT', w.from, w.to);
    return scorePerceptionPoints(this.perception.catalogue.points, sums);
  }

  async targets(caller: Caller, unitId: string): Promise<TargetModel[]> {
    const unit = this.authorise(caller, unitId, 'read targets of');
    const inForce = await this.inForce(unit.id);
    return [...inForce.values()].map((t) => this.targetModel(caller, unit, t));
  }

  /** setTarget: a unit head for their subtree, executives and admins anywhere; audited in the same transaction. */
  async setTarget(caller: Caller, origin: RequestOrigin, input: TargetInput): Promise<TargetModel> {
    const unit = this.authorise(caller, input.unitId, 'set targets of', 'input.unitId');
    const problem = targetProblem(input, (id) => id === unit.id, targetKeys(this.model));
    if (problem) throw badInput(`input.${problem.slice(0, problem.indexOf(':'))}`, `input.${problem}`);
    const after = { unitId: unit.id, key: input.key, target: input.target, amberBand: input.amberBand ?? null };
    const by = caller.kind === 'user' ? caller.username : caller.siteId;
    await this.db.transaction(async (tx) => {
      const before = await upsertTarget(tx, after, by);
      await this.audit.record({ actor: actorOf(caller), action: 'TARGET_CHANGED', target: `${unit.id}/${input.key}`, details: { before, after }, origin }, tx);
    });
    const set = (await this.inForce(unit.id)).get(input.key) as TargetInForce;
    return this.targetModel(caller, unit, set);
  }

  private async inForce(unitId: string): Promise<Map<string, TargetInForce>> {
    const lineage = this.org.tree.lineage(unitId);
    return targetsInForce(lineage, await targetsOf(this.db, lineage), this.model.indicatorTargets);
  }

  /** inheritedFrom is shown only inside the caller's scope (a unit head sees "INHERITED", not the group above them). */
  private targetModel(caller: Caller, unit: OrgUnitRecord, t: TargetInForce): TargetModel {
    const shown = t.source === 'INHERITED' && t.setOn !== null && inScope(caller, this.org.tree, t.setOn);
    const from = shown ? (this.org.tree.get(t.setOn as string) ?? null) : null;
    return { unit, key: t.key, target: t.target, amberBand: t.amberBand, inheritedFrom: from, source: t.source };
  }

  private authorise(caller: Caller, unitId: string, what: string, argument = 'unitId'): OrgUnitRecord {
    const unit = this.org.require(unitId, argument);
    if (!inScope(caller, this.org.tree, unit.id)) throw forbidden(`${argument}: you may not ${what} "${unitId}"`);
    return unit;
  }
}
