import { Inject, Injectable } from '@nestjs/common';
import { customerUnits, latestRiskModel, riskHistories, riskiestCustomers, type ReadSql, type RiskHistory } from '@qihe/data';
import { inScope, predictRisk, riskFeaturesAt, seesEverything, type Caller, type RiskModel } from '@qihe/domain';
import { badInput, forbidden } from '@qihe/server';
import { READ_DATABASE } from '../core/tokens';
import { OrgService } from '../core/org.service';
import type { CustomerRiskModel, RiskModelQualityModel } from './models/customer.model';

const DAY = 86_400_000;
/** A profile's risk reads this much history (the features look back 90 days, and to the last rating). */
const HISTORY_DAYS = 485;
export const RISK_HISTORY_MS = HISTORY_DAYS * DAY;
export const MAX_AT_RISK = 200;

/**
 * Reading risk, strictly in scope: a caller who sees every unit that served
 * a customer gets the stored risk; anyone else the same model applied to the
 * history they may see (a unit head's view never reflects what other units did).
 */
@Injectable()
export class RiskReadsService {
  constructor(
    @Inject(READ_DATABASE) private readonly db: ReadSql,
    private readonly org: OrgService,
  ) {}

  async quality(): Promise<RiskModelQualityModel | null> {
    const m = await latestRiskModel(this.db);
    return m && {
      modelVersion: m.version,
      trainedAt: new Date(m.trainedAt),
      trainingRatings: m.trainingRatings,
      holdoutRatings: m.holdoutRatings,
      auc: m.auc,
      precisionAt50: m.precisionAt50,
      baselinePrecisionAt50: m.baselinePrecisionAt50,
    };
  }

  /** The customer's risk from the history in these units (null: every unit); null before the first fit. */
  async riskOf(customerId: string, unitIds: readonly string[] | null, model?: RiskModel | null): Promise<CustomerRiskModel | null> {
    const m = model === undefined ? await latestRiskModel(this.db) : model;
    if (!m) return null;
    const now = Date.now();
    const h = (await riskHistories(this.db, [customerId], now - RISK_HISTORY_MS, unitIds)).get(customerId);
    return h ? this.riskFrom(customerId, m, h, now) : null;
  }

  /** The model applied to a history read from `now - RISK_HISTORY_MS` on (sorted by occurredAt, id); null when it is empty. */
  riskFrom(customerId: string, m: RiskModel, h: RiskHistory, now: number): CustomerRiskModel | null {
    if (h.touchpoints.length === 0) return null;
    const x = riskFeaturesAt(h.touchpoints, h.promises, Math.max(now, h.touchpoints[h.touchpoints.length - 1].occurredAt + 1));
    return { customerId, asOf: new Date(now), modelVersion: m.version, ...predictRisk(m, x) };
  }

  /** The riskiest customers whose latest touchpoint is in the unit's subtree (in scope), highest first. */
  async atRisk(caller: Caller, unitId: string, first: number): Promise<CustomerRiskModel[]> {
    const tree = this.org.tree;
    this.org.require(unitId);
    if (!inScope(caller, tree, unitId)) throw forbidden(`unitId: you may not read at-risk customers of "${unitId}"`);
    if (!Number.isInteger(first) || first < 1 || first > MAX_AT_RISK) throw badInput('first', `first must be from 1 to ${MAX_AT_RISK}, got ${first}`);
    const model = await latestRiskModel(this.db);
    if (!model) return [];
    const all = seesEverything(caller);
    // A few more candidates than asked: a restricted view may rank some of them lower.
    const rows = await riskiestCustomers(this.db, unitId, all ? first : Math.min(3 * first, MAX_AT_RISK * 3));
    const out: CustomerRiskModel[] = [];
    for (const r of rows) {
      const served = all ? [] : (await customerUnits(this.db, r.customerId)).map((u) => u.unitId);
      const visible = served.filter((u) => tree.has(u) && inScope(caller, tree, u));
      if (all || visible.length === served.length) {
        out.push({ customerId: r.customerId, asOf: new Date(r.asOf), modelVersion: model.version, ...predictRisk(model, r.features) });
      } else {
        const own = await this.riskOf(r.customerId, visible, model);
        if (own) out.push(own);
      }
    }
    return out.sort((a, b) => b.probability - a.probability || (a.customerId < b.customerId ? -1 : 1)).slice(0, first);
  }
}
