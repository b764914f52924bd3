import { graphql } from '../__generated__/gateway';
import type { CommitmentAlertsQuery, CommitmentListQuery, CommitmentTraceQuery, FollowUpInboxQuery, PerformanceQuery } from '../__generated__/gateway/graphql';

// The gateway reads and writes of the commitments board and the follow-up
// inbox (libs/contracts/src/gateway-api.graphql); types by `npm run codegen`.

export const NODE_FIELDS = graphql(`
  fragment NodeFields on Commitment {
    id
    code
    name
    level
    state
    startedAt
    dueAt
    completedAt
    customerId
    touchpointId
    unit {
      id
      name
    }
    ownerUnit {
      id
      name
    }
  }
`);

export const PERFORMANCE = graphql(`
  query Performance($unitId: ID!, $from: DateTime!, $to: DateTime!, $owned: Boolean!) {
    commitmentPerformance(unitId: $unitId, from: $from, to: $to, owned: $owned) {
      code
      name
      level
      started
      met
      breached
      open
      atRisk
      keptRate
      causedBreaches
    }
  }
`);

export const COMMITMENT_LIST = graphql(`
  query CommitmentList($unitId: ID!, $from: DateTime!, $to: DateTime!, $owned: Boolean!, $states: [CommitmentState!], $level: Int, $first: Int!, $after: String) {
    commitments(unitId: $unitId, from: $from, to: $to, owned: $owned, states: $states, level: $level, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...NodeFields
          breachedBy {
            code
            ownerUnit {
              id
              name
            }
          }
          promise {
            id
            code
            name
            state
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const COMMITMENT_TRACE = graphql(`
  query CommitmentTrace($id: ID!) {
    commitment(id: $id) {
      ...NodeFields
      promise {
        ...NodeFields
        breachedBy {
          id
        }
        steps {
          ...NodeFields
          breachedBy {
            id
          }
          steps {
            ...NodeFields
            breachedBy {
              id
            }
          }
        }
      }
    }
  }
`);

export const COMMITMENT_ALERTS = graphql(`
  query CommitmentAlerts($unitId: ID!, $first: Int!) {
    commitmentAlerts(unitId: $unitId, first: $first) {
      id
      type
      at
      commitmentId
      code
      name
      customerId
      touchpointId
      dueAt
      unit {
        id
        name
      }
      ownerUnit {
        id
        name
      }
      message
    }
  }
`);

export const FOLLOW_UP_FIELDS = graphql(`
  fragment FollowUpFields on FollowUp {
    id
    reason
    state
    customerId
    touchpointId
    commitmentId
    createdAt
    dueAt
    assignee
    outcome
    closedAt
    recovered
    note
    unit {
      id
      name
    }
  }
`);

export const FOLLOW_UP_INBOX = graphql(`
  query FollowUpInbox($unitId: ID!, $states: [FollowUpState!], $first: Int!, $after: String) {
    followUps(unitId: $unitId, states: $states, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...FollowUpFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ASSIGN_FOLLOW_UP = graphql(`
  mutation AssignFollowUp($id: ID!, $assignee: String!) {
    assignFollowUp(id: $id, assignee: $assignee) {
      ...FollowUpFields
    }
  }
`);

export const CLOSE_FOLLOW_UP = graphql(`
  mutation CloseFollowUp($id: ID!, $outcome: String!) {
    closeFollowUp(id: $id, outcome: $outcome) {
      ...FollowUpFields
    }
  }
`);

export const OPEN_FOLLOW_UP = graphql(`
  mutation OpenFollowUp($touchpointId: ID!, $note: String) {
    openFollowUp(touchpointId: $touchpointId, note: $note) {
      ...FollowUpFields
    }
  }
`);

export type PerformanceRow = PerformanceQuery['commitmentPerformance'][number];
export type ListNode = CommitmentListQuery['commitments']['edges'][number]['node'];
export type TraceNode = NonNullable<CommitmentTraceQuery['commitment']>;
export type AlertRow = CommitmentAlertsQuery['commitmentAlerts'][number];
export type FollowUpRow = FollowUpInboxQuery['followUps']['edges'][number]['node'];
