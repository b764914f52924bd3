import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Chain, Channel, LifecycleStage, NeedCategory, OrgLevel, SliceDimension, TouchpointKind, TrendInterval } from '@qihe/domain';

// Read operations of the gateway's public contract (shared/contract/schema.graphql).

export interface OrgUnitRow {
  id: string;
  name: string;
  level: OrgLevel;
  region: string | null;
  industry: string | null;
  parent: { id: string } | null;
}

export interface MeasureData {
  key: string;
  chain: Chain;
  numerator: number;
  denominator: number;
  value: number | null;
  normalized: number | null;
  weight: number;
}

export interface ChainScoreData {
  chain: Chain;
  score: number | null;
  measures?: MeasureData[];
}

export interface EngagementScoreData {
  unit: { id: string; name: string; level?: OrgLevel };
  from: string;
  to: string;
  touchpoints: number;
  overall: number | null;
  chains: ChainScoreData[];
  modelVersion?: string;
}

export interface TouchpointRow {
  id: string;
  unit: { id: string; name: string };
  customerId: string;
  channel: Channel;
  kind: TouchpointKind;
  stage: LifecycleStage;
  occurredAt: string;
  receivedAt: string;
  needCategory: NeedCategory;
  needDescription: string | null;
  serviceAction: string | null;
  resolved: boolean | null;
  satisfaction: { score: number; comment: string | null } | null;
}

interface WindowVars {
  unitId: string;
  from: string;
  to: string;
}

export const ORG_UNITS: TypedDocumentNode<{ orgUnits: OrgUnitRow[] }, Record<string, never>> = gql`
  query OrgUnits {
    orgUnits {
      id
      name
      level
      region
      industry
      parent {
        id
      }
    }
  }
`;

export const UNIT_SCORES: TypedDocumentNode<{ engagementScore: EngagementScoreData; engagementScores: EngagementScoreData[] }, WindowVars> = gql`
  query UnitScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    engagementScore(unitId: $unitId, from: $from, to: $to) {
      unit {
        id
        name
        level
      }
      from
      to
      touchpoints
      overall
      modelVersion
      chains {
        chain
        score
        measures {
          key
          chain
          numerator
          denominator
          value
          normalized
          weight
        }
      }
    }
    engagementScores(parentId: $unitId, from: $from, to: $to) {
      unit {
        id
        name
        level
      }
      from
      to
      touchpoints
      overall
      chains {
        chain
        score
      }
    }
  }
`;

export const CHILD_SCORES: TypedDocumentNode<{ engagementScores: EngagementScoreData[] }, { parentId: string; from: string; to: string }> = gql`
  query ChildScores($parentId: ID!, $from: DateTime!, $to: DateTime!) {
    engagementScores(parentId: $parentId, from: $from, to: $to) {
      unit {
        id
        name
        level
      }
      from
      to
      touchpoints
      overall
      chains {
        chain
        score
      }
    }
  }
`;

export const BREAKDOWN: TypedDocumentNode<
  { engagementBreakdown: { value: string; score: EngagementScoreData }[] },
  WindowVars & { by: SliceDimension }
> = gql`
  query Breakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {
    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {
      value
      score {
        unit {
          id
          name
        }
        from
        to
        touchpoints
        overall
        chains {
          chain
          score
        }
      }
    }
  }
`;

export const TREND: TypedDocumentNode<{ engagementTrend: EngagementScoreData[] }, WindowVars & { interval: TrendInterval }> = gql`
  query Trend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {
    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval) {
      unit {
        id
        name
      }
      from
      to
      touchpoints
      overall
      chains {
        chain
        score
      }
    }
  }
`;

export const TOUCHPOINTS: TypedDocumentNode<
  { touchpoints: { edges: { cursor: string; node: TouchpointRow }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } },
  WindowVars & { first: number; after: string | null }
> = gql`
  query Touchpoints($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int!, $after: String) {
    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          unit {
            id
            name
          }
          customerId
          channel
          kind
          stage
          occurredAt
          receivedAt
          needCategory
          needDescription
          serviceAction
          resolved
          satisfaction {
            score
            comment
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
