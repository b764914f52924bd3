import { graphql } from './__generated__';

// The GraphQL documents the client sends; their types come from `npm run codegen`.

export const RECORD_TOUCHPOINTS_MUTATION = graphql(`
  mutation RecordTouchpoints($input: [TouchpointInput!]!, $sentAt: DateTime) {
    recordTouchpoints(input: $input, sentAt: $sentAt) {
      accepted
      duplicates
      rejected { index id code message }
    }
  }
`);

export const RECORD_SATISFACTION_MUTATION = graphql(`
  mutation RecordSatisfaction($touchpointId: ID!, $satisfaction: SatisfactionInput!) {
    recordSatisfaction(touchpointId: $touchpointId, satisfaction: $satisfaction) {
      id
      unit { id }
      occurredAt
      receivedAt
      resolved
      satisfaction { score comment }
    }
  }
`);

export const RECORD_SATISFACTIONS_MUTATION = graphql(`
  mutation RecordSatisfactions($input: [SatisfactionRatingInput!]!) {
    recordSatisfactions(input: $input) {
      rated
      unchanged
      rejected { index id code message }
    }
  }
`);

export const LOGIN_MUTATION = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { token role unitId }
  }
`);

export const ME_QUERY = graphql(`
  query Me {
    me { token role unitId }
  }
`);

export const UNIT_TREE_QUERY = graphql(`
  query SiteUnits {
    orgUnits { id parent { id } }
  }
`);

export const COMMITMENT_CATALOGUE_QUERY = graphql(`
  query CommitmentCatalogue {
    commitmentCatalogue { code name level parentCode targetMinutes warnAtPercent ownerUnit { id } }
  }
`);

export const PERCEPTION_POINT_CATALOGUE_QUERY = graphql(`
  query PerceptionPointCatalogue {
    perceptionPointCatalogue { code name nameZh needCategories target }
  }
`);

export const RECORD_COMMITMENT_EVENTS_MUTATION = graphql(`
  mutation RecordCommitmentEvents($input: [CommitmentEventInput!]!) {
    recordCommitmentEvents(input: $input) {
      accepted
      duplicates
      rejected { index id code message }
    }
  }
`);

export const FOLLOW_UPS_QUERY = graphql(`
  query FollowUps($unitId: ID!, $states: [FollowUpState!], $first: Int, $after: String) {
    followUps(unitId: $unitId, states: $states, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id reason unit { id name } customerId touchpointId commitmentId createdAt dueAt state assignee outcome closedAt note }
      }
    }
  }
`);

export const CLOSE_FOLLOW_UP_MUTATION = graphql(`
  mutation CloseFollowUp($id: ID!, $outcome: String!) {
    closeFollowUp(id: $id, outcome: $outcome) { id state outcome closedAt }
  }
`);

/** A customer as a site shows them to an agent: profile and latest touchpoints, narrowed to the agent's unit. */
export const CUSTOMER_LOOKUP_QUERY = graphql(`
  query CustomerLookup($customerId: String!, $unitId: ID!, $first: Int!) {
    customer(customerId: $customerId, unitId: $unitId) {
      customerId
      touchpoints
      firstContactAt
      lastContactAt
      units { unit { id name } touchpoints lastContactAt }
      engagement { type score }
      risk { probability asOf modelVersion drivers { feature value contribution } }
      openCommitments { id code name state dueAt unit { id name } }
      followUps { id reason state createdAt unit { id name } }
    }
    customerTimeline(customerId: $customerId, unitId: $unitId, first: $first) {
      totalCount
      edges {
        node { id unit { id name } occurredAt channel kind needCategory needDescription serviceAction resolved satisfaction { score } }
      }
    }
  }
`);
