import { graphql } from '../__generated__/gateway';

// Gateway documents many suites send, typed by `npm run codegen` from
// libs/contracts/src/gateway-api.graphql. A suite's own documents sit in the
// suite, written `graphql(…)` as well.

export const LOGIN = graphql(`
  mutation Login($u: String!, $p: String!) {
    login(username: $u, password: $p) { token role unitId }
  }
`);

export const REVOKE = graphql(`
  mutation Revoke($u: String!) { revokeTokens(username: $u) }
`);

export const RECORD = graphql(`
  mutation Record($input: [TouchpointInput!]!) {
    recordTouchpoints(input: $input) { accepted duplicates rejected { index id code message } }
  }
`);

export const RATE = graphql(`
  mutation Rate($id: ID!, $s: SatisfactionInput!) {
    recordSatisfaction(touchpointId: $id, satisfaction: $s) { id satisfaction { score comment } }
  }
`);

export const SCORE = graphql(`
  query Score($unitId: ID!, $from: DateTime!, $to: DateTime!) {
    engagementScore(unitId: $unitId, from: $from, to: $to) {
      touchpoints overall modelVersion chains { chain score measures { key numerator denominator value normalized } }
    }
  }
`);
