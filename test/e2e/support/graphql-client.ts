import type { TypedDocument } from '@qihe/client';
import { graphql } from '../../__generated__/gateway';
import type { EngagementScoreWire, IngestResult, Session, SliceScoreWire, TouchpointInput, TouchpointRow } from './wire-types';

// Plain-fetch GraphQL, as an outside client of the contract would write it.
// The documents are checked against the schema by `npm run codegen`; each
// answer is declared with the reference's own wire types (wire-types.ts), so
// the compiler also checks those independent types against the schema.

export interface GqlError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string } & Record<string, unknown>;
}
export interface GqlResponse<T> {
  status: number;
  data: T | null;
  errors: GqlError[];
}

export class GraphqlClient {
  constructor(
    readonly url: string,
    readonly token?: string,
  ) {}

  as(token: string | undefined): GraphqlClient {
    return new GraphqlClient(this.url, token);
  }

  async request<T>(query: string | TypedDocument<T, never>, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: String(query), variables }) });
    const text = await res.text();
    let body: { data?: T | null; errors?: GqlError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`POST /graphql answered ${res.status} with a non-JSON body: ${text.slice(0, 500)}`);
    }
    return { status: res.status, data: body.data ?? null, errors: body.errors ?? [] };
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T>(query: string | TypedDocument<T, never>, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors.length || !res.data) {
      throw new Error(`GraphQL error (HTTP ${res.status}) for ${JSON.stringify(variables).slice(0, 300)}: ${JSON.stringify(res.errors)}`);
    }
    return res.data;
  }

  login(username: string, password: string): Promise<GqlResponse<{ login: Session }>> {
    return this.request<{ login: Session }>(E2E_LOGIN, { u: username, p: password });
  }

  async recordTouchpoints(input: TouchpointInput[]): Promise<IngestResult> {
    const data = await this.ok<{ recordTouchpoints: IngestResult }>(
      E2E_RECORD,
      { input },
    );
    return data.recordTouchpoints;
  }

  recordSatisfaction(touchpointId: string, satisfaction: { score: number; comment?: string }): Promise<GqlResponse<{ recordSatisfaction: TouchpointRow }>> {
    return this.request<{ recordSatisfaction: TouchpointRow }>(
      E2E_RATE,
      { id: touchpointId, s: satisfaction },
    );
  }

  touchpointsPage(unitId: string, from: string, to: string, first: number, after?: string) {
    return this.request<{ touchpoints: { edges: Array<{ cursor: string; node: TouchpointRow }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      E2E_TOUCHPOINTS,
      { unitId, from, to, first, after: after ?? null },
    );
  }

  /** Every touchpoint of the window, page by page, in the order the gateway returns them. */
  async allTouchpoints(unitId: string, from: string, to: string, pageSize = 100): Promise<TouchpointRow[]> {
    const rows: TouchpointRow[] = [];
    let after: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const res = await this.touchpointsPage(unitId, from, to, pageSize, after);
      if (res.errors.length || !res.data) throw new Error(`touchpoints page ${page}: ${JSON.stringify(res.errors)}`);
      const { edges, pageInfo } = res.data.touchpoints;
      if (edges.length > pageSize) throw new Error(`touchpoints page ${page} has ${edges.length} edges for first: ${pageSize}`);
      rows.push(...edges.map((e) => e.node));
      if (!pageInfo.hasNextPage) return rows;
      if (!pageInfo.endCursor) throw new Error(`touchpoints page ${page}: hasNextPage without endCursor`);
      after = pageInfo.endCursor;
    }
    throw new Error('touchpoints paging did not end after 1000 pages');
  }

  engagementScore(unitId: string, from: string, to: string) {
    return this.request<{ engagementScore: EngagementScoreWire }>(
      E2E_SCORE,
      { unitId, from, to },
    );
  }

  engagementScores(parentId: string, from: string, to: string) {
    return this.request<{ engagementScores: EngagementScoreWire[] }>(
      E2E_SCORES,
      { parentId, from, to },
    );
  }

  engagementBreakdown(unitId: string, from: string, to: string, by: string) {
    return this.request<{ engagementBreakdown: SliceScoreWire[] }>(
      E2E_BREAKDOWN,
      { unitId, from, to, by },
    );
  }

  engagementTrend(unitId: string, from: string, to: string, interval: string) {
    return this.request<{ engagementTrend: EngagementScoreWire[] }>(
      E2E_TREND,
      { unitId, from, to, interval },
    );
  }
}

// Fragments the documents below spread (codegen finds them by name).
graphql(`
  fragment E2eTouchpoint on Touchpoint {
    id unit { id } customerId channel kind stage occurredAt receivedAt needCategory
    needDescription serviceAction resolved satisfaction { score comment }
  }
`);

graphql(`
  fragment E2eScore on EngagementScore {
    unit { id } from to touchpoints overall modelVersion
    chains { chain score measures { key chain numerator denominator value normalized weight } }
  }
`);

const E2E_LOGIN = graphql(`mutation E2eLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token role unitId } }`);
const E2E_RECORD = graphql(`
  mutation E2eRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index id code message } } }
`);
const E2E_RATE = graphql(`
  mutation E2eRate($id: ID!, $s: SatisfactionInput!) { recordSatisfaction(touchpointId: $id, satisfaction: $s) { ...E2eTouchpoint } }
`);
const E2E_TOUCHPOINTS = graphql(`
  query E2eTouchpoints($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int, $after: String) {
    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {
      edges { cursor node { ...E2eTouchpoint } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
const E2E_SCORE = graphql(`
  query E2eScore($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementScore(unitId: $unitId, from: $from, to: $to) { ...E2eScore } }
`);
const E2E_SCORES = graphql(`
  query E2eScores($parentId: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $parentId, from: $from, to: $to) { ...E2eScore } }
`);
const E2E_BREAKDOWN = graphql(`
  query E2eBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {
    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) { value score { ...E2eScore } }
  }
`);
const E2E_TREND = graphql(`
  query E2eTrend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {
    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval) { ...E2eScore }
  }
`);

export const E2E_ME = graphql(`query E2eMe { me { role unitId } }`);

/** The `extensions.code` of each error, for assertions like `toEqual(['FORBIDDEN'])`. */
export const errorCodes = (res: GqlResponse<unknown>): string[] => res.errors.map((e) => e.extensions?.code ?? `(no code: ${e.message})`);
