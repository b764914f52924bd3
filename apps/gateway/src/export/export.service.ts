import { Inject, Injectable } from '@nestjs/common';
import { actorOf, mayCall, SCORE_READERS, TOUCHPOINT_READERS, TREND_INTERVALS, SLICE_DIMENSIONS, type Caller, type CallerKind, type EngagementModel, type RequestOrigin, type SliceDimension, type TouchpointFilter, type TrendInterval } from '@qihe/domain';
import { badInput, forbidden } from '@qihe/server';
import { AuditService } from '../audit/audit.service';
import { ENGAGEMENT_MODEL } from '../core/tokens';
import type { EngagementScoreModel } from '../scores/models/engagement-score.model';
import { ScoresService } from '../scores/scores.service';
import { TouchpointsService } from '../touchpoints/touchpoints.service';
import { exportFileName, scoreCells, scoreColumns, touchpointRow, TOUCHPOINT_COLUMNS } from './csv-rows';

// Every list a unit head sees, as CSV: the same service calls (and so the same
// scope, checks and rows) as the GraphQL queries, each export in the audit
// trail. Everything is checked before the first byte, so a refused export is an
// HTTP error, never half a file.

export const EXPORT_LISTS = ['touchpoints', 'breakdown', 'children', 'trend'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

type Cell = string | number | boolean | null;

export interface ExportPlan {
  fileName: string;
  columns: string[];
  rows: AsyncIterable<Cell[]>;
}

/** The query string of a request, one value per name. */
export type ExportQuery = Record<string, string>;

const FILTER_FIELDS = ['measure', 'part', 'channel', 'kind', 'stage', 'needCategory', 'region', 'industry', 'agentId', 'teamId', 'productId', 'customerId', 'perceptionPoint', 'resolved', 'maxSatisfaction'] as const;
const ALLOWED: Record<ExportList, readonly string[]> = {
  touchpoints: ['unitId', 'from', 'to', ...FILTER_FIELDS],
  breakdown: ['unitId', 'from', 'to', 'by'],
  children: ['parentId', 'from', 'to'],
  trend: ['unitId', 'from', 'to', 'interval', 'timeZone'],
};
const READERS: Record<ExportList, readonly CallerKind[]> = { touchpoints: TOUCHPOINT_READERS, breakdown: SCORE_READERS, children: SCORE_READERS, trend: SCORE_READERS };

function required(q: ExportQuery, name: string): string {
  const v = q[name];
  if (v === undefined || v === '') throw badInput(name, `${name} is required`);
  return v;
}

function date(q: ExportQuery, name: string): Date {
  const d = new Date(required(q, name));
  if (Number.isNaN(d.getTime())) throw badInput(name, `${name}: not a date-time (e.g. 2026-12-01T00:00:00Z)`);
  return d;
}

function oneOf<T extends string>(q: ExportQuery, name: string, values: readonly T[]): T {
  const v = required(q, name);
  if (!values.includes(v as T)) throw badInput(name, `${name} must be one of ${values.join(', ')}`);
  return v as T;
}

function filterOf(q: ExportQuery): TouchpointFilter {
  const f: TouchpointFilter = {};
  for (const k of FILTER_FIELDS) {
    const v = q[k];
    if (v === undefined) continue;
    if (k === 'resolved') {
      if (v !== 'true' && v !== 'false') throw badInput('resolved', 'resolved must be true or false');
      f.resolved = v === 'true';
    } else if (k === 'maxSatisfaction') {
      if (!/^\d{1,2}$/.test(v)) throw badInput('maxSatisfaction', 'maxSatisfaction must be a whole number from 1 to 5');
      f.maxSatisfaction = Number(v);
    } else if (k === 'part') {
      f.part = v as TouchpointFilter['part'];
    } else {
      f[k] = v;
    }
  }
  return f;
}

@Injectable()
export class ExportService {
  constructor(
    private readonly touchpoints: TouchpointsService,
    private readonly scores: ScoresService,
    private readonly audit: AuditService,
    @Inject(ENGAGEMENT_MODEL) private readonly model: EngagementModel,
  ) {}

  /** Checks the request and records it; the rows are read as the file is written. */
  async plan(caller: Caller, list: ExportList, q: ExportQuery, origin: RequestOrigin): Promise<ExportPlan> {
    if (!mayCall(caller, READERS[list])) throw forbidden(`${list}.csv is for ${READERS[list].join(', ')}`);
    const unknown = Object.keys(q).filter((k) => !ALLOWED[list].includes(k));
    if (unknown.length) throw badInput(unknown[0], `${unknown[0]}: not a parameter of ${list}.csv (${ALLOWED[list].join(', ')})`);
    // As in the API: engagementScores names its unit parentId.
    const unitId = required(q, list === 'children' ? 'parentId' : 'unitId');
    const from = date(q, 'from');
    const to = date(q, 'to');
    const plan = await this.build(caller, list, q, unitId, from, to);
    const details = { list, unitId, from: from.toISOString(), to: to.toISOString(), parameters: q, fileName: plan.fileName };
    await this.audit.record({ actor: actorOf(caller), action: 'EXPORT', target: `${list}:${unitId}`, details, origin });
    return plan;
  }

  private async build(caller: Caller, list: ExportList, q: ExportQuery, unitId: string, from: Date, to: Date): Promise<ExportPlan> {
    const keys = this.model.measures.map((m) => m.key);
    const scored = (key: string[], rows: { key: Cell[]; score: EngagementScoreModel }[]): AsyncIterable<Cell[]> =>
      (async function* () {
        for (const r of rows) yield [...r.key, ...scoreCells(r.score, keys)];
      })();
    switch (list) {
      case 'touchpoints': {
        const filter = filterOf(q);
        const scan = this.touchpoints.scan(caller, { unitId, from, to, filter });
        const rows = (async function* () {
          for await (const page of scan) for (const t of page) yield touchpointRow(t);
        })();
        return { fileName: exportFileName(list, unitId, from, to, filter as Record<string, unknown>), columns: [...TOUCHPOINT_COLUMNS], rows };
      }
      case 'breakdown': {
        const by = oneOf<SliceDimension>(q, 'by', SLICE_DIMENSIONS);
        const slices = await this.scores.breakdown(caller, unitId, from, to, by);
        const columns = ['by', 'value', ...scoreColumns(slices[0]?.score, keys)];
        return { fileName: exportFileName(list, unitId, from, to, { by }), columns, rows: scored(columns, slices.map((s) => ({ key: [by, s.value], score: s.score }))) };
      }
      case 'children': {
        const kids = await this.scores.children(caller, unitId, from, to);
        const columns = ['unitId', 'unitName', ...scoreColumns(kids[0], keys)];
        return { fileName: exportFileName(list, unitId, from, to, {}), columns, rows: scored(columns, kids.map((k) => ({ key: [k.unit.id, k.unit.name], score: k }))) };
      }
      case 'trend': {
        const interval = oneOf<TrendInterval>(q, 'interval', TREND_INTERVALS);
        const timeZone = q.timeZone ?? null;
        const points = await this.scores.trend(caller, unitId, from, to, interval, timeZone);
        const columns = ['unitId', ...scoreColumns(points[0], keys)];
        return { fileName: exportFileName(list, unitId, from, to, timeZone ? { interval, timeZone } : { interval }), columns, rows: scored(columns, points.map((p) => ({ key: [unitId], score: p }))) };
      }
    }
  }
}
