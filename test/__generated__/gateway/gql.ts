/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AgentBrowserPromises($from: DateTime!, $to: DateTime!) {\n    commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, first: 50) {\n      edges { node { touchpointId code customerId completedAt steps { code completedAt } } }\n    }\n  }\n": typeof types.AgentBrowserPromisesDocument,
    "\n  query AgentBrowserFollowUps {\n    followUps(unitId: \"bu-grid\", first: 100) { edges { node { id customerId state outcome } } }\n  }\n": typeof types.AgentBrowserFollowUpsDocument,
    "mutation BoardE2eRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": typeof types.BoardE2eRecordDocument,
    "mutation BoardE2eEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted rejected { code message } } }": typeof types.BoardE2eEventsDocument,
    "query BoardE2eNodes($from: DateTime!, $to: DateTime!) {\n  commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, first: 100) { edges { node { id touchpointId state } } } }": typeof types.BoardE2eNodesDocument,
    "query BoardE2eCounts($from: DateTime!, $to: DateTime!) {\n  open: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [OPEN, AT_RISK], first: 1) { totalCount }\n  atRisk: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [AT_RISK], first: 1) { totalCount }\n  breached: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [BREACHED], first: 1) { totalCount }\n  met: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [MET], first: 1) { totalCount } }": typeof types.BoardE2eCountsDocument,
    "query BoardE2eAlerts { commitmentAlerts(unitId: \"bu-grid\", first: 200) { id type commitmentId } }": typeof types.BoardE2eAlertsDocument,
    "query BoardE2eFollowUps { followUps(unitId: \"bu-grid\", first: 200) { edges { node { id reason state commitmentId customerId } } } }": typeof types.BoardE2eFollowUpsDocument,
    "\n  query BrowserScore($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) { touchpoints overall chains { chain score } }\n  }\n": typeof types.BrowserScoreDocument,
    "\n  query GridTouchpoints($from: DateTime!, $to: DateTime!) {\n    touchpoints(unitId: \"bu-grid\", from: $from, to: $to, first: 200) { edges { node { id customerId unit { id } } } }\n  }\n": typeof types.GridTouchpointsDocument,
    "query LensRiskModel { riskModel { modelVersion auc } }": typeof types.LensRiskModelDocument,
    "query LensAtRisk { atRiskCustomers(unitId: \"bu-grid\", first: 20) { customerId probability } }": typeof types.LensAtRiskDocument,
    "query LensFollowUps { followUps(unitId: \"bu-grid\", states: [OPEN], first: 500) { edges { node { id reason customerId note } } } }": typeof types.LensFollowUpsDocument,
    "\n  query PanelsIndicators($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    indicators(unitId: $unitId, from: $from, to: $to) { key class value numerator denominator measureUnit target status previous higherIsBetter }\n    targets(unitId: $unitId) { key target amberBand source inheritedFrom { id } }\n  }\n": typeof types.PanelsIndicatorsDocument,
    "\n  query PanelsPoints($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    perceptionPoints(unitId: $unitId, from: $from, to: $to) { point { code } touchpoints impact shortBoard }\n  }\n": typeof types.PanelsPointsDocument,
    "\n  query PanelsTypes($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementTypes(unitId: $unitId, from: $from, to: $to) { type score } }\n": typeof types.PanelsTypesDocument,
    "\n  query PanelsLiveScores($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } overall } }\n": typeof types.PanelsLiveScoresDocument,
    "query PanelsTargets($unitId: ID!) { targets(unitId: $unitId) { key target amberBand } }": typeof types.PanelsTargetsDocument,
    "\n  query PanelsByCustomer($from: DateTime!, $to: DateTime!, $c: String!) {\n    touchpoints(unitId: \"bu-grid\", from: $from, to: $to, first: 5, filter: { customerId: $c }) { totalCount edges { node { perceptionPoint needCategory } } }\n  }\n": typeof types.PanelsByCustomerDocument,
    "\n  query ExplainScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) {\n      touchpoints overall chains { chain score measures { key numerator denominator } }\n    }\n    engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } touchpoints overall }\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: CHANNEL) { value score { touchpoints } }\n  }\n": typeof types.ExplainScoresDocument,
    "mutation MonitorRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": typeof types.MonitorRecordDocument,
    "mutation MonitorLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": typeof types.MonitorLoginDocument,
    "mutation KillRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": typeof types.KillRecordDocument,
    "\n  query DemoTrace($unitId: ID!, $from: DateTime!, $to: DateTime!, $owned: Boolean) {\n    commitments(unitId: $unitId, from: $from, to: $to, owned: $owned, states: [BREACHED], first: 500) {\n      edges { node { id code level state touchpointId unit { id } ownerUnit { id } breachedBy { id code ownerUnit { id } breachedBy { id code ownerUnit { id } } } } }\n    }\n  }\n": typeof types.DemoTraceDocument,
    "\n  query DemoFollowUps($unitId: ID!) {\n    followUps(unitId: $unitId, first: 500) { edges { node { id reason state commitmentId touchpointId unit { id } } } }\n  }\n": typeof types.DemoFollowUpsDocument,
    "\n  query DemoTouchpoints($from: DateTime!, $to: DateTime!) { engagementScore(unitId: \"group\", from: $from, to: $to) { touchpoints } }\n": typeof types.DemoTouchpointsDocument,
    "query LogsTypename { __typename }": typeof types.LogsTypenameDocument,
    "\n  fragment E2eTouchpoint on Touchpoint {\n    id unit { id } customerId channel kind stage occurredAt receivedAt needCategory\n    needDescription serviceAction resolved satisfaction { score comment }\n  }\n": typeof types.E2eTouchpointFragmentDoc,
    "\n  fragment E2eScore on EngagementScore {\n    unit { id } from to touchpoints overall modelVersion\n    chains { chain score measures { key chain numerator denominator value normalized weight } }\n  }\n": typeof types.E2eScoreFragmentDoc,
    "mutation E2eLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token role unitId } }": typeof types.E2eLoginDocument,
    "\n  mutation E2eRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index id code message } } }\n": typeof types.E2eRecordDocument,
    "\n  mutation E2eRate($id: ID!, $s: SatisfactionInput!) { recordSatisfaction(touchpointId: $id, satisfaction: $s) { ...E2eTouchpoint } }\n": typeof types.E2eRateDocument,
    "\n  query E2eTouchpoints($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int, $after: String) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      edges { cursor node { ...E2eTouchpoint } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.E2eTouchpointsDocument,
    "\n  query E2eScore($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementScore(unitId: $unitId, from: $from, to: $to) { ...E2eScore } }\n": typeof types.E2eScoreDocument,
    "\n  query E2eScores($parentId: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $parentId, from: $from, to: $to) { ...E2eScore } }\n": typeof types.E2eScoresDocument,
    "\n  query E2eBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) { value score { ...E2eScore } }\n  }\n": typeof types.E2eBreakdownDocument,
    "\n  query E2eTrend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval) { ...E2eScore }\n  }\n": typeof types.E2eTrendDocument,
    "query E2eMe { me { role unitId } }": typeof types.E2eMeDocument,
    "\n  query FaultsScore($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScore(unitId: $u, from: $f, to: $t) { ...E2eScore } }\n": typeof types.FaultsScoreDocument,
    "mutation AuditUpsertUnit($input: OrgUnitInput!) { upsertOrgUnit(input: $input) { id } }": typeof types.AuditUpsertUnitDocument,
    "mutation AuditUpsertUser($input: UserInput!) { upsertUser(input: $input) { username } }": typeof types.AuditUpsertUserDocument,
    "mutation AuditIssueKey($s: ID!, $u: ID!) { issueSiteKey(siteId: $s, unitId: $u) { key } }": typeof types.AuditIssueKeyDocument,
    "\n  query AuditLog($first: Int, $after: String, $action: AuditAction, $actor: String, $from: DateTime, $to: DateTime) {\n    auditLog(first: $first, after: $after, action: $action, actor: $actor, from: $from, to: $to) {\n      edges { cursor node { id at actorKind actor role action target details clientAddress userAgent requestId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AuditLogDocument,
    "mutation BoardLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": typeof types.BoardLoginDocument,
    "mutation BoardRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }": typeof types.BoardRecordDocument,
    "mutation BoardEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted rejected { code message } } }": typeof types.BoardEventsDocument,
    "query BoardAlerts($u: ID!, $since: DateTime, $first: Int) {\n  commitmentAlerts(unitId: $u, since: $since, first: $first) { id type at commitmentId code name touchpointId customerId dueAt unit { id } ownerUnit { id name } message } }": typeof types.BoardAlertsDocument,
    "query BoardTrace($id: ID!) {\n  commitment(id: $id) {\n    id code level state ownerUnit { id }\n    breachedBy { code ownerUnit { id } breachedBy { code ownerUnit { id } } }\n    promise { id code state steps { code state steps { code state } } }\n  } }": typeof types.BoardTraceDocument,
    "mutation CommitmentsLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": typeof types.CommitmentsLoginDocument,
    "mutation CommitmentsRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }": typeof types.CommitmentsRecordDocument,
    "mutation CommitmentsEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted duplicates rejected { index id code message } } }": typeof types.CommitmentsEventsDocument,
    "query CommitmentsOfPage($u: ID!, $from: DateTime!, $to: DateTime!) {\n    touchpoints(unitId: $u, from: $from, to: $to, first: 100) { edges { node { id commitments { code state steps { code } } } } } }": typeof types.CommitmentsOfPageDocument,
    "query CommitmentsPerfNow($u: ID!, $from: DateTime!, $to: DateTime!) {\n    commitmentPerformance(unitId: $u, from: $from, to: $to) { code started met breached open atRisk } }": typeof types.CommitmentsPerfNowDocument,
    "query CommitmentsCountNow($u: ID!, $from: DateTime!, $to: DateTime!, $states: [CommitmentState!]) {\n    commitments(unitId: $u, from: $from, to: $to, states: $states) { totalCount edges { node { id state } } } }": typeof types.CommitmentsCountNowDocument,
    "mutation RiskLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": typeof types.RiskLoginDocument,
    "mutation RiskRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": typeof types.RiskRecordDocument,
    "query RiskModel { riskModel { modelVersion trainedAt trainingRatings holdoutRatings auc precisionAt50 baselinePrecisionAt50 } }": typeof types.RiskModelDocument,
    "query RiskAtRisk($u: ID!, $first: Int) { atRiskCustomers(unitId: $u, first: $first) { customerId probability asOf modelVersion drivers { feature value contribution } } }": typeof types.RiskAtRiskDocument,
    "query RiskProfile($c: String!) { customer(customerId: $c) { customerId risk { probability modelVersion drivers { feature value contribution } } } }": typeof types.RiskProfileDocument,
    "mutation RiskRate($id: ID!, $s: Int!) { recordSatisfaction(touchpointId: $id, satisfaction: { score: $s }) { id } }": typeof types.RiskRateDocument,
    "query RiskFollowUps($u: ID!) { followUps(unitId: $u, states: [OPEN], first: 500) { totalCount edges { node { reason customerId touchpointId unit { id } } } } }": typeof types.RiskFollowUpsDocument,
    "mutation TypesLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": typeof types.TypesLoginDocument,
    "mutation TypesRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": typeof types.TypesRecordDocument,
    "query CustomerTypes($c: String!) { customer(customerId: $c) { engagement { type score measures { key numerator denominator value normalized weight } } } }": typeof types.CustomerTypesDocument,
    "mutation CustomersLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": typeof types.CustomersLoginDocument,
    "mutation CustomersRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": typeof types.CustomersRecordDocument,
    "query CustomerProfile($c: String!) { customer(customerId: $c) {\n  customerId touchpoints firstContactAt lastContactAt units { unit { id } touchpoints lastContactAt }\n  openCommitments { id code touchpointId unit { id } } followUps { id reason customerId unit { id } } } }": typeof types.CustomerProfileDocument,
    "query CustomerTimeline($c: String!, $first: Int, $after: String) { customerTimeline(customerId: $c, first: $first, after: $after) {\n  totalCount edges { cursor node { id customerId occurredAt unit { id } } } pageInfo { hasNextPage endCursor } } }": typeof types.CustomerTimelineDocument,
    "\n  query DrillDown($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int, $after: String, $filter: TouchpointFilter) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id receivedAt agentId teamId productId contractId handleSeconds unit { id } } }\n    }\n  }\n": typeof types.DrillDownDocument,
    "\n  query DrillBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {\n      value\n      score { touchpoints chains { measures { key numerator denominator } } }\n    }\n  }\n": typeof types.DrillBreakdownDocument,
    "\n  mutation DrillEvents($input: [CommitmentEventInput!]!) {\n    recordCommitmentEvents(input: $input) { accepted rejected { index code message } }\n  }\n": typeof types.DrillEventsDocument,
    "\n  query ExportPage($unitId: ID!, $from: DateTime!, $to: DateTime!, $after: String, $filter: TouchpointFilter) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: 500, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id customerId agentId handleSeconds needDescription satisfaction { score comment } unit { id } } }\n    }\n  }\n": typeof types.ExportPageDocument,
    "\n  query ExportScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: AGENT) { value score { touchpoints overall chains { chain score measures { key numerator denominator value } } } }\n    engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } touchpoints overall }\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: HOUR) { from touchpoints overall }\n  }\n": typeof types.ExportScoresDocument,
    "\n  query ExportZonedTrend($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: DAY, timeZone: \"Asia/Kolkata\") { from to touchpoints overall }\n  }\n": typeof types.ExportZonedTrendDocument,
    "\n  query ExportAudit { auditLog(first: 50, action: EXPORT) { edges { node { actor target details } } } }\n": typeof types.ExportAuditDocument,
    "mutation FollowUpsRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": typeof types.FollowUpsRecordDocument,
    "mutation FollowUpsRate($id: ID!, $s: Int!) { recordSatisfaction(touchpointId: $id, satisfaction: { score: $s }) { id } }": typeof types.FollowUpsRateDocument,
    "mutation FollowUpsRateMany($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged } }": typeof types.FollowUpsRateManyDocument,
    "query FollowUpsList($u: ID!, $states: [FollowUpState!]) { followUps(unitId: $u, states: $states, first: 100) {\n  totalCount edges { node { id reason customerId touchpointId state assignee outcome recovered createdAt dueAt closedAt unit { id } } } } }": typeof types.FollowUpsListDocument,
    "mutation FollowUpsClose($id: ID!, $o: String!) { closeFollowUp(id: $id, outcome: $o) { id state outcome closedAt } }": typeof types.FollowUpsCloseDocument,
    "mutation FollowUpsAssign($id: ID!, $a: String!) { assignFollowUp(id: $id, assignee: $a) { id assignee } }": typeof types.FollowUpsAssignDocument,
    "mutation FollowUpsOpen($id: ID!, $note: String) { openFollowUp(touchpointId: $id, note: $note) { id reason state unit { id } } }": typeof types.FollowUpsOpenDocument,
    "mutation FollowUpsLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": typeof types.FollowUpsLoginDocument,
    "\n  query Indicators($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    indicators(unitId: $unitId, from: $from, to: $to) { key class value numerator denominator measureUnit target higherIsBetter status previous }\n  }\n": typeof types.IndicatorsDocument,
    "\n  query EngagementTypes($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTypes(unitId: $unitId, from: $from, to: $to) { type score measures { key numerator denominator value } }\n  }\n": typeof types.EngagementTypesDocument,
    "\n  query TargetsOf($unitId: ID!) { targets(unitId: $unitId) { key target amberBand source unit { id } inheritedFrom { id } } }\n": typeof types.TargetsOfDocument,
    "\n  mutation SetTarget($input: TargetInput!) { setTarget(input: $input) { key target amberBand source unit { id } inheritedFrom { id } } }\n": typeof types.SetTargetDocument,
    "\n  mutation RateManyForIndicators($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged rejected { index code } } }\n": typeof types.RateManyForIndicatorsDocument,
    "\n    mutation RateMany($input: [SatisfactionRatingInput!]!) {\n      recordSatisfactions(input: $input) { rated unchanged rejected { index id code message } }\n    }\n  ": typeof types.RateManyDocument,
    "mutation MetricsRateMany($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged rejected { index code } } }": typeof types.MetricsRateManyDocument,
    "mutation MetricsLogin { login(username: \"exec\", password: \"exec-password\") { token } }": typeof types.MetricsLoginDocument,
    "\n  query PerceptionPoints($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    perceptionPoints(unitId: $unitId, from: $from, to: $to) { point { code name nameZh needCategories target } touchpoints rated csat lowRatings impact shortBoard }\n  }\n": typeof types.PerceptionPointsDocument,
    "\n  query TouchpointsOfPoint($unitId: ID!, $from: DateTime!, $to: DateTime!, $filter: TouchpointFilter) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: 1, filter: $filter) { totalCount }\n  }\n": typeof types.TouchpointsOfPointDocument,
    "\n  query PerceptionBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: PERCEPTION_POINT) { value score { touchpoints } }\n  }\n": typeof types.PerceptionBreakdownDocument,
    "mutation AddUnit($i: OrgUnitInput!) { upsertOrgUnit(input: $i) { id } }": typeof types.AddUnitDocument,
    "mutation RevocationUpsertUser($i: UserInput!) { upsertUser(input: $i) { username role unitId } }": typeof types.RevocationUpsertUserDocument,
    "query RevocationMe { me { role unitId } }": typeof types.RevocationMeDocument,
    "query RevocationBuA { orgUnit(id: \"bu-a\") { id } }": typeof types.RevocationBuADocument,
    "query RevocationBuB { orgUnit(id: \"bu-b\") { id } }": typeof types.RevocationBuBDocument,
    "\n  query ZonedTrend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!, $timeZone: String) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval, timeZone: $timeZone) {\n      from\n      to\n      touchpoints\n      overall\n      chains { chain score measures { key numerator denominator } }\n    }\n  }\n": typeof types.ZonedTrendDocument,
    "fragment MatrixUnit on OrgUnit { __typename id parent { __typename id } children { __typename id } }": typeof types.MatrixUnitFragmentDoc,
    "fragment MatrixScore on EngagementScore { unit { ...MatrixUnit } from to touchpoints overall chains { chain score } }": typeof types.MatrixScoreFragmentDoc,
    "query MatrixMe { me { token role unitId } }": typeof types.MatrixMeDocument,
    "query MatrixOrgUnits { orgUnits { ...MatrixUnit } }": typeof types.MatrixOrgUnitsDocument,
    "query MatrixOrgUnit($id: ID!) { orgUnit(id: $id) { ...MatrixUnit } }": typeof types.MatrixOrgUnitDocument,
    "query MatrixScore($u: ID!, $from: DateTime!, $to: DateTime!) { engagementScore(unitId: $u, from: $from, to: $to) { ...MatrixScore } }": typeof types.MatrixScoreDocument,
    "query MatrixScores($u: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $u, from: $from, to: $to) { ...MatrixScore } }": typeof types.MatrixScoresDocument,
    "query MatrixBreakdown($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdown(unitId: $u, from: $from, to: $to, by: CHANNEL) { value score { ...MatrixScore } } }": typeof types.MatrixBreakdownDocument,
    "query MatrixTrend($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTrend(unitId: $u, from: $from, to: $to, interval: HOUR) { ...MatrixScore } }": typeof types.MatrixTrendDocument,
    "query MatrixTrendZoned($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTrendZoned: engagementTrend(unitId: $u, from: $from, to: $to, interval: DAY, timeZone: \"Asia/Shanghai\") { ...MatrixScore } }": typeof types.MatrixTrendZonedDocument,
    "query MatrixTouchpoints($u: ID!, $from: DateTime!, $to: DateTime!) {\n    touchpoints(unitId: $u, from: $from, to: $to, first: 100) { edges { node { id customerId unit { ...MatrixUnit } } } pageInfo { hasNextPage } } }": typeof types.MatrixTouchpointsDocument,
    "query MatrixTouchpointsFiltered($u: ID!, $from: DateTime!, $to: DateTime!) {\n    touchpointsFiltered: touchpoints(unitId: $u, from: $from, to: $to, first: 100, filter: { measure: \"csat\", part: DENOMINATOR, channel: PHONE, agentId: \"UNKNOWN\" }) {\n      totalCount edges { node { id agentId handleSeconds satisfaction { score } unit { ...MatrixUnit } } } pageInfo { hasNextPage } } }": typeof types.MatrixTouchpointsFilteredDocument,
    "query MatrixBreakdownByAgent($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdownByAgent: engagementBreakdown(unitId: $u, from: $from, to: $to, by: AGENT) { value score { ...MatrixScore } } }": typeof types.MatrixBreakdownByAgentDocument,
    "mutation MatrixLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token role unitId } }": typeof types.MatrixLoginDocument,
    "mutation MatrixRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }": typeof types.MatrixRecordDocument,
    "mutation MatrixRate($id: ID!, $s: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $id, satisfaction: $s) { id satisfaction { score } unit { ...MatrixUnit } } }": typeof types.MatrixRateDocument,
    "mutation MatrixRateMany($input: [SatisfactionRatingInput!]!) {\n    recordSatisfactions(input: $input) { rated unchanged rejected { index code message } } }": typeof types.MatrixRateManyDocument,
    "mutation MatrixUpsertOrgUnit($input: OrgUnitInput!) { upsertOrgUnit(input: $input) { ...MatrixUnit } }": typeof types.MatrixUpsertOrgUnitDocument,
    "mutation MatrixUpsertUser($input: UserInput!) { upsertUser(input: $input) { username role unitId } }": typeof types.MatrixUpsertUserDocument,
    "mutation MatrixIssueSiteKey($siteId: ID!, $unitId: ID!) { issueSiteKey(siteId: $siteId, unitId: $unitId) { siteId unitId key } }": typeof types.MatrixIssueSiteKeyDocument,
    "query MatrixAuditLog($action: AuditAction) { auditLog(first: 50, action: $action) { edges { node { actor action target } } pageInfo { hasNextPage } } }": typeof types.MatrixAuditLogDocument,
    "mutation MatrixRevokeTokens($username: String!) { revokeTokens(username: $username) }": typeof types.MatrixRevokeTokensDocument,
    "query MatrixCatalogue { commitmentCatalogue { code level parentCode targetMinutes warnAtPercent } }": typeof types.MatrixCatalogueDocument,
    "query MatrixCommitments($u: ID!, $from: DateTime!, $to: DateTime!) {\n    commitments(unitId: $u, from: $from, to: $to) { totalCount edges { node { id code state unit { ...MatrixUnit } ownerUnit { id } } } } }": typeof types.MatrixCommitmentsDocument,
    "query MatrixCommitmentPerformance($u: ID!, $from: DateTime!, $to: DateTime!) {\n    commitmentPerformance(unitId: $u, from: $from, to: $to) { code level started met breached open atRisk keptRate causedBreaches } }": typeof types.MatrixCommitmentPerformanceDocument,
    "mutation MatrixUpsertCommitment($input: CommitmentDefinitionInput!) { upsertCommitment(input: $input) { code level targetMinutes } }": typeof types.MatrixUpsertCommitmentDocument,
    "mutation MatrixCommitmentEvents($input: [CommitmentEventInput!]!) {\n    recordCommitmentEvents(input: $input) { accepted duplicates rejected { index code message } } }": typeof types.MatrixCommitmentEventsDocument,
    "query MatrixCommitment($id: ID!) { commitment(id: $id) { id code touchpointId unit { ...MatrixUnit } ownerUnit { id } promise { id code } } }": typeof types.MatrixCommitmentDocument,
    "query MatrixCommitmentAlerts($u: ID!) { commitmentAlerts(unitId: $u) { id type touchpointId customerId unit { id } ownerUnit { id } } }": typeof types.MatrixCommitmentAlertsDocument,
    "query MatrixFollowUps($u: ID!) { followUps(unitId: $u) { totalCount edges { node { id reason state customerId unit { ...MatrixUnit } } } } }": typeof types.MatrixFollowUpsDocument,
    "mutation MatrixOpenFollowUp($id: ID!) { openFollowUp(touchpointId: $id, note: \"call back\") { id reason state unit { ...MatrixUnit } } }": typeof types.MatrixOpenFollowUpDocument,
    "mutation MatrixAssignFollowUp($id: ID!, $assignee: String!) { assignFollowUp(id: $id, assignee: $assignee) { id assignee unit { ...MatrixUnit } } }": typeof types.MatrixAssignFollowUpDocument,
    "mutation MatrixCloseFollowUp($id: ID!) { closeFollowUp(id: $id, outcome: \"called back, solved\") { id state outcome unit { ...MatrixUnit } } }": typeof types.MatrixCloseFollowUpDocument,
    "query MatrixCustomer($c: String!) { customer(customerId: $c) { customerId touchpoints engagement { type score }\n    units { unit { ...MatrixUnit } touchpoints lastContactAt } risk { probability } openCommitments { id unit { ...MatrixUnit } } followUps { id unit { ...MatrixUnit } } } }": typeof types.MatrixCustomerDocument,
    "query MatrixAtRisk($u: ID!) { atRiskCustomers(unitId: $u) { customerId probability drivers { feature contribution } } }": typeof types.MatrixAtRiskDocument,
    "query MatrixRiskModel { riskModel { modelVersion auc precisionAt50 baselinePrecisionAt50 } }": typeof types.MatrixRiskModelDocument,
    "query MatrixCustomerTimeline($c: String!) { customerTimeline(customerId: $c, first: 100) { edges { node { id customerId unit { ...MatrixUnit } } } } }": typeof types.MatrixCustomerTimelineDocument,
    "query MatrixCustomerInUnit($c: String!, $u: ID!) { customerInUnit: customer(customerId: $c, unitId: $u) { customerId\n    units { unit { ...MatrixUnit } } risk { probability } openCommitments { id unit { ...MatrixUnit } } followUps { id unit { ...MatrixUnit } } } }": typeof types.MatrixCustomerInUnitDocument,
    "query MatrixCustomerTimelineInUnit($c: String!, $u: ID!) {\n    customerTimelineInUnit: customerTimeline(customerId: $c, first: 500, unitId: $u) { totalCount edges { node { id customerId unit { ...MatrixUnit } } } } }": typeof types.MatrixCustomerTimelineInUnitDocument,
    "query MatrixIndicators($u: ID!, $from: DateTime!, $to: DateTime!) {\n    indicators(unitId: $u, from: $from, to: $to) { key class value numerator denominator target status previous } }": typeof types.MatrixIndicatorsDocument,
    "query MatrixEngagementTypes($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTypes(unitId: $u, from: $from, to: $to) { type score measures { key value } } }": typeof types.MatrixEngagementTypesDocument,
    "query MatrixPerceptionPoints($u: ID!, $from: DateTime!, $to: DateTime!) {\n    perceptionPoints(unitId: $u, from: $from, to: $to) { point { code } touchpoints rated csat impact shortBoard } }": typeof types.MatrixPerceptionPointsDocument,
    "query MatrixPerceptionCatalogue { perceptionPointCatalogue { code name nameZh needCategories target } }": typeof types.MatrixPerceptionCatalogueDocument,
    "query MatrixTargets($u: ID!) { targets(unitId: $u) { key target amberBand source unit { ...MatrixUnit } inheritedFrom { ...MatrixUnit } } }": typeof types.MatrixTargetsDocument,
    "mutation MatrixSetTarget($input: TargetInput!) { setTarget(input: $input) { key target source unit { ...MatrixUnit } inheritedFrom { ...MatrixUnit } } }": typeof types.MatrixSetTargetDocument,
    "query MatrixNodeOf($u: ID!, $from: DateTime!, $to: DateTime!) {\n  commitments(unitId: $u, from: $from, to: $to, level: 1, first: 500) { edges { node { id touchpointId } } } }": typeof types.MatrixNodeOfDocument,
    "query MatrixAlertsOf { commitmentAlerts(unitId: \"group\", first: 200) { touchpointId code } }": typeof types.MatrixAlertsOfDocument,
    "mutation SiteTestResendEvents($i: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $i) { accepted duplicates } }": typeof types.SiteTestResendEventsDocument,
    "\n  query SiteTestGatewayFollowUps($unitId: ID!) { followUps(unitId: $unitId, first: 500) { edges { node { id state outcome customerId } } } }\n": typeof types.SiteTestGatewayFollowUpsDocument,
    "query GatewayPerceptionCatalogue { perceptionPointCatalogue { code name nameZh needCategories target } }": typeof types.GatewayPerceptionCatalogueDocument,
    "\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) { token role unitId }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Revoke($u: String!) { revokeTokens(username: $u) }\n": typeof types.RevokeDocument,
    "\n  mutation Record($input: [TouchpointInput!]!) {\n    recordTouchpoints(input: $input) { accepted duplicates rejected { index id code message } }\n  }\n": typeof types.RecordDocument,
    "\n  mutation Rate($id: ID!, $s: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $id, satisfaction: $s) { id satisfaction { score comment } }\n  }\n": typeof types.RateDocument,
    "\n  query Score($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) {\n      touchpoints overall modelVersion chains { chain score measures { key numerator denominator value normalized } }\n    }\n  }\n": typeof types.ScoreDocument,
};
const documents: Documents = {
    "\n  query AgentBrowserPromises($from: DateTime!, $to: DateTime!) {\n    commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, first: 50) {\n      edges { node { touchpointId code customerId completedAt steps { code completedAt } } }\n    }\n  }\n": types.AgentBrowserPromisesDocument,
    "\n  query AgentBrowserFollowUps {\n    followUps(unitId: \"bu-grid\", first: 100) { edges { node { id customerId state outcome } } }\n  }\n": types.AgentBrowserFollowUpsDocument,
    "mutation BoardE2eRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": types.BoardE2eRecordDocument,
    "mutation BoardE2eEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted rejected { code message } } }": types.BoardE2eEventsDocument,
    "query BoardE2eNodes($from: DateTime!, $to: DateTime!) {\n  commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, first: 100) { edges { node { id touchpointId state } } } }": types.BoardE2eNodesDocument,
    "query BoardE2eCounts($from: DateTime!, $to: DateTime!) {\n  open: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [OPEN, AT_RISK], first: 1) { totalCount }\n  atRisk: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [AT_RISK], first: 1) { totalCount }\n  breached: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [BREACHED], first: 1) { totalCount }\n  met: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [MET], first: 1) { totalCount } }": types.BoardE2eCountsDocument,
    "query BoardE2eAlerts { commitmentAlerts(unitId: \"bu-grid\", first: 200) { id type commitmentId } }": types.BoardE2eAlertsDocument,
    "query BoardE2eFollowUps { followUps(unitId: \"bu-grid\", first: 200) { edges { node { id reason state commitmentId customerId } } } }": types.BoardE2eFollowUpsDocument,
    "\n  query BrowserScore($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) { touchpoints overall chains { chain score } }\n  }\n": types.BrowserScoreDocument,
    "\n  query GridTouchpoints($from: DateTime!, $to: DateTime!) {\n    touchpoints(unitId: \"bu-grid\", from: $from, to: $to, first: 200) { edges { node { id customerId unit { id } } } }\n  }\n": types.GridTouchpointsDocument,
    "query LensRiskModel { riskModel { modelVersion auc } }": types.LensRiskModelDocument,
    "query LensAtRisk { atRiskCustomers(unitId: \"bu-grid\", first: 20) { customerId probability } }": types.LensAtRiskDocument,
    "query LensFollowUps { followUps(unitId: \"bu-grid\", states: [OPEN], first: 500) { edges { node { id reason customerId note } } } }": types.LensFollowUpsDocument,
    "\n  query PanelsIndicators($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    indicators(unitId: $unitId, from: $from, to: $to) { key class value numerator denominator measureUnit target status previous higherIsBetter }\n    targets(unitId: $unitId) { key target amberBand source inheritedFrom { id } }\n  }\n": types.PanelsIndicatorsDocument,
    "\n  query PanelsPoints($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    perceptionPoints(unitId: $unitId, from: $from, to: $to) { point { code } touchpoints impact shortBoard }\n  }\n": types.PanelsPointsDocument,
    "\n  query PanelsTypes($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementTypes(unitId: $unitId, from: $from, to: $to) { type score } }\n": types.PanelsTypesDocument,
    "\n  query PanelsLiveScores($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } overall } }\n": types.PanelsLiveScoresDocument,
    "query PanelsTargets($unitId: ID!) { targets(unitId: $unitId) { key target amberBand } }": types.PanelsTargetsDocument,
    "\n  query PanelsByCustomer($from: DateTime!, $to: DateTime!, $c: String!) {\n    touchpoints(unitId: \"bu-grid\", from: $from, to: $to, first: 5, filter: { customerId: $c }) { totalCount edges { node { perceptionPoint needCategory } } }\n  }\n": types.PanelsByCustomerDocument,
    "\n  query ExplainScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) {\n      touchpoints overall chains { chain score measures { key numerator denominator } }\n    }\n    engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } touchpoints overall }\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: CHANNEL) { value score { touchpoints } }\n  }\n": types.ExplainScoresDocument,
    "mutation MonitorRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": types.MonitorRecordDocument,
    "mutation MonitorLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": types.MonitorLoginDocument,
    "mutation KillRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": types.KillRecordDocument,
    "\n  query DemoTrace($unitId: ID!, $from: DateTime!, $to: DateTime!, $owned: Boolean) {\n    commitments(unitId: $unitId, from: $from, to: $to, owned: $owned, states: [BREACHED], first: 500) {\n      edges { node { id code level state touchpointId unit { id } ownerUnit { id } breachedBy { id code ownerUnit { id } breachedBy { id code ownerUnit { id } } } } }\n    }\n  }\n": types.DemoTraceDocument,
    "\n  query DemoFollowUps($unitId: ID!) {\n    followUps(unitId: $unitId, first: 500) { edges { node { id reason state commitmentId touchpointId unit { id } } } }\n  }\n": types.DemoFollowUpsDocument,
    "\n  query DemoTouchpoints($from: DateTime!, $to: DateTime!) { engagementScore(unitId: \"group\", from: $from, to: $to) { touchpoints } }\n": types.DemoTouchpointsDocument,
    "query LogsTypename { __typename }": types.LogsTypenameDocument,
    "\n  fragment E2eTouchpoint on Touchpoint {\n    id unit { id } customerId channel kind stage occurredAt receivedAt needCategory\n    needDescription serviceAction resolved satisfaction { score comment }\n  }\n": types.E2eTouchpointFragmentDoc,
    "\n  fragment E2eScore on EngagementScore {\n    unit { id } from to touchpoints overall modelVersion\n    chains { chain score measures { key chain numerator denominator value normalized weight } }\n  }\n": types.E2eScoreFragmentDoc,
    "mutation E2eLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token role unitId } }": types.E2eLoginDocument,
    "\n  mutation E2eRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index id code message } } }\n": types.E2eRecordDocument,
    "\n  mutation E2eRate($id: ID!, $s: SatisfactionInput!) { recordSatisfaction(touchpointId: $id, satisfaction: $s) { ...E2eTouchpoint } }\n": types.E2eRateDocument,
    "\n  query E2eTouchpoints($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int, $after: String) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      edges { cursor node { ...E2eTouchpoint } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.E2eTouchpointsDocument,
    "\n  query E2eScore($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementScore(unitId: $unitId, from: $from, to: $to) { ...E2eScore } }\n": types.E2eScoreDocument,
    "\n  query E2eScores($parentId: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $parentId, from: $from, to: $to) { ...E2eScore } }\n": types.E2eScoresDocument,
    "\n  query E2eBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) { value score { ...E2eScore } }\n  }\n": types.E2eBreakdownDocument,
    "\n  query E2eTrend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval) { ...E2eScore }\n  }\n": types.E2eTrendDocument,
    "query E2eMe { me { role unitId } }": types.E2eMeDocument,
    "\n  query FaultsScore($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScore(unitId: $u, from: $f, to: $t) { ...E2eScore } }\n": types.FaultsScoreDocument,
    "mutation AuditUpsertUnit($input: OrgUnitInput!) { upsertOrgUnit(input: $input) { id } }": types.AuditUpsertUnitDocument,
    "mutation AuditUpsertUser($input: UserInput!) { upsertUser(input: $input) { username } }": types.AuditUpsertUserDocument,
    "mutation AuditIssueKey($s: ID!, $u: ID!) { issueSiteKey(siteId: $s, unitId: $u) { key } }": types.AuditIssueKeyDocument,
    "\n  query AuditLog($first: Int, $after: String, $action: AuditAction, $actor: String, $from: DateTime, $to: DateTime) {\n    auditLog(first: $first, after: $after, action: $action, actor: $actor, from: $from, to: $to) {\n      edges { cursor node { id at actorKind actor role action target details clientAddress userAgent requestId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AuditLogDocument,
    "mutation BoardLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": types.BoardLoginDocument,
    "mutation BoardRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }": types.BoardRecordDocument,
    "mutation BoardEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted rejected { code message } } }": types.BoardEventsDocument,
    "query BoardAlerts($u: ID!, $since: DateTime, $first: Int) {\n  commitmentAlerts(unitId: $u, since: $since, first: $first) { id type at commitmentId code name touchpointId customerId dueAt unit { id } ownerUnit { id name } message } }": types.BoardAlertsDocument,
    "query BoardTrace($id: ID!) {\n  commitment(id: $id) {\n    id code level state ownerUnit { id }\n    breachedBy { code ownerUnit { id } breachedBy { code ownerUnit { id } } }\n    promise { id code state steps { code state steps { code state } } }\n  } }": types.BoardTraceDocument,
    "mutation CommitmentsLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": types.CommitmentsLoginDocument,
    "mutation CommitmentsRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }": types.CommitmentsRecordDocument,
    "mutation CommitmentsEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted duplicates rejected { index id code message } } }": types.CommitmentsEventsDocument,
    "query CommitmentsOfPage($u: ID!, $from: DateTime!, $to: DateTime!) {\n    touchpoints(unitId: $u, from: $from, to: $to, first: 100) { edges { node { id commitments { code state steps { code } } } } } }": types.CommitmentsOfPageDocument,
    "query CommitmentsPerfNow($u: ID!, $from: DateTime!, $to: DateTime!) {\n    commitmentPerformance(unitId: $u, from: $from, to: $to) { code started met breached open atRisk } }": types.CommitmentsPerfNowDocument,
    "query CommitmentsCountNow($u: ID!, $from: DateTime!, $to: DateTime!, $states: [CommitmentState!]) {\n    commitments(unitId: $u, from: $from, to: $to, states: $states) { totalCount edges { node { id state } } } }": types.CommitmentsCountNowDocument,
    "mutation RiskLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": types.RiskLoginDocument,
    "mutation RiskRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": types.RiskRecordDocument,
    "query RiskModel { riskModel { modelVersion trainedAt trainingRatings holdoutRatings auc precisionAt50 baselinePrecisionAt50 } }": types.RiskModelDocument,
    "query RiskAtRisk($u: ID!, $first: Int) { atRiskCustomers(unitId: $u, first: $first) { customerId probability asOf modelVersion drivers { feature value contribution } } }": types.RiskAtRiskDocument,
    "query RiskProfile($c: String!) { customer(customerId: $c) { customerId risk { probability modelVersion drivers { feature value contribution } } } }": types.RiskProfileDocument,
    "mutation RiskRate($id: ID!, $s: Int!) { recordSatisfaction(touchpointId: $id, satisfaction: { score: $s }) { id } }": types.RiskRateDocument,
    "query RiskFollowUps($u: ID!) { followUps(unitId: $u, states: [OPEN], first: 500) { totalCount edges { node { reason customerId touchpointId unit { id } } } } }": types.RiskFollowUpsDocument,
    "mutation TypesLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": types.TypesLoginDocument,
    "mutation TypesRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": types.TypesRecordDocument,
    "query CustomerTypes($c: String!) { customer(customerId: $c) { engagement { type score measures { key numerator denominator value normalized weight } } } }": types.CustomerTypesDocument,
    "mutation CustomersLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": types.CustomersLoginDocument,
    "mutation CustomersRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": types.CustomersRecordDocument,
    "query CustomerProfile($c: String!) { customer(customerId: $c) {\n  customerId touchpoints firstContactAt lastContactAt units { unit { id } touchpoints lastContactAt }\n  openCommitments { id code touchpointId unit { id } } followUps { id reason customerId unit { id } } } }": types.CustomerProfileDocument,
    "query CustomerTimeline($c: String!, $first: Int, $after: String) { customerTimeline(customerId: $c, first: $first, after: $after) {\n  totalCount edges { cursor node { id customerId occurredAt unit { id } } } pageInfo { hasNextPage endCursor } } }": types.CustomerTimelineDocument,
    "\n  query DrillDown($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int, $after: String, $filter: TouchpointFilter) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id receivedAt agentId teamId productId contractId handleSeconds unit { id } } }\n    }\n  }\n": types.DrillDownDocument,
    "\n  query DrillBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {\n      value\n      score { touchpoints chains { measures { key numerator denominator } } }\n    }\n  }\n": types.DrillBreakdownDocument,
    "\n  mutation DrillEvents($input: [CommitmentEventInput!]!) {\n    recordCommitmentEvents(input: $input) { accepted rejected { index code message } }\n  }\n": types.DrillEventsDocument,
    "\n  query ExportPage($unitId: ID!, $from: DateTime!, $to: DateTime!, $after: String, $filter: TouchpointFilter) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: 500, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id customerId agentId handleSeconds needDescription satisfaction { score comment } unit { id } } }\n    }\n  }\n": types.ExportPageDocument,
    "\n  query ExportScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: AGENT) { value score { touchpoints overall chains { chain score measures { key numerator denominator value } } } }\n    engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } touchpoints overall }\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: HOUR) { from touchpoints overall }\n  }\n": types.ExportScoresDocument,
    "\n  query ExportZonedTrend($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: DAY, timeZone: \"Asia/Kolkata\") { from to touchpoints overall }\n  }\n": types.ExportZonedTrendDocument,
    "\n  query ExportAudit { auditLog(first: 50, action: EXPORT) { edges { node { actor target details } } } }\n": types.ExportAuditDocument,
    "mutation FollowUpsRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }": types.FollowUpsRecordDocument,
    "mutation FollowUpsRate($id: ID!, $s: Int!) { recordSatisfaction(touchpointId: $id, satisfaction: { score: $s }) { id } }": types.FollowUpsRateDocument,
    "mutation FollowUpsRateMany($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged } }": types.FollowUpsRateManyDocument,
    "query FollowUpsList($u: ID!, $states: [FollowUpState!]) { followUps(unitId: $u, states: $states, first: 100) {\n  totalCount edges { node { id reason customerId touchpointId state assignee outcome recovered createdAt dueAt closedAt unit { id } } } } }": types.FollowUpsListDocument,
    "mutation FollowUpsClose($id: ID!, $o: String!) { closeFollowUp(id: $id, outcome: $o) { id state outcome closedAt } }": types.FollowUpsCloseDocument,
    "mutation FollowUpsAssign($id: ID!, $a: String!) { assignFollowUp(id: $id, assignee: $a) { id assignee } }": types.FollowUpsAssignDocument,
    "mutation FollowUpsOpen($id: ID!, $note: String) { openFollowUp(touchpointId: $id, note: $note) { id reason state unit { id } } }": types.FollowUpsOpenDocument,
    "mutation FollowUpsLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }": types.FollowUpsLoginDocument,
    "\n  query Indicators($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    indicators(unitId: $unitId, from: $from, to: $to) { key class value numerator denominator measureUnit target higherIsBetter status previous }\n  }\n": types.IndicatorsDocument,
    "\n  query EngagementTypes($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTypes(unitId: $unitId, from: $from, to: $to) { type score measures { key numerator denominator value } }\n  }\n": types.EngagementTypesDocument,
    "\n  query TargetsOf($unitId: ID!) { targets(unitId: $unitId) { key target amberBand source unit { id } inheritedFrom { id } } }\n": types.TargetsOfDocument,
    "\n  mutation SetTarget($input: TargetInput!) { setTarget(input: $input) { key target amberBand source unit { id } inheritedFrom { id } } }\n": types.SetTargetDocument,
    "\n  mutation RateManyForIndicators($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged rejected { index code } } }\n": types.RateManyForIndicatorsDocument,
    "\n    mutation RateMany($input: [SatisfactionRatingInput!]!) {\n      recordSatisfactions(input: $input) { rated unchanged rejected { index id code message } }\n    }\n  ": types.RateManyDocument,
    "mutation MetricsRateMany($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged rejected { index code } } }": types.MetricsRateManyDocument,
    "mutation MetricsLogin { login(username: \"exec\", password: \"exec-password\") { token } }": types.MetricsLoginDocument,
    "\n  query PerceptionPoints($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    perceptionPoints(unitId: $unitId, from: $from, to: $to) { point { code name nameZh needCategories target } touchpoints rated csat lowRatings impact shortBoard }\n  }\n": types.PerceptionPointsDocument,
    "\n  query TouchpointsOfPoint($unitId: ID!, $from: DateTime!, $to: DateTime!, $filter: TouchpointFilter) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: 1, filter: $filter) { totalCount }\n  }\n": types.TouchpointsOfPointDocument,
    "\n  query PerceptionBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: PERCEPTION_POINT) { value score { touchpoints } }\n  }\n": types.PerceptionBreakdownDocument,
    "mutation AddUnit($i: OrgUnitInput!) { upsertOrgUnit(input: $i) { id } }": types.AddUnitDocument,
    "mutation RevocationUpsertUser($i: UserInput!) { upsertUser(input: $i) { username role unitId } }": types.RevocationUpsertUserDocument,
    "query RevocationMe { me { role unitId } }": types.RevocationMeDocument,
    "query RevocationBuA { orgUnit(id: \"bu-a\") { id } }": types.RevocationBuADocument,
    "query RevocationBuB { orgUnit(id: \"bu-b\") { id } }": types.RevocationBuBDocument,
    "\n  query ZonedTrend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!, $timeZone: String) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval, timeZone: $timeZone) {\n      from\n      to\n      touchpoints\n      overall\n      chains { chain score measures { key numerator denominator } }\n    }\n  }\n": types.ZonedTrendDocument,
    "fragment MatrixUnit on OrgUnit { __typename id parent { __typename id } children { __typename id } }": types.MatrixUnitFragmentDoc,
    "fragment MatrixScore on EngagementScore { unit { ...MatrixUnit } from to touchpoints overall chains { chain score } }": types.MatrixScoreFragmentDoc,
    "query MatrixMe { me { token role unitId } }": types.MatrixMeDocument,
    "query MatrixOrgUnits { orgUnits { ...MatrixUnit } }": types.MatrixOrgUnitsDocument,
    "query MatrixOrgUnit($id: ID!) { orgUnit(id: $id) { ...MatrixUnit } }": types.MatrixOrgUnitDocument,
    "query MatrixScore($u: ID!, $from: DateTime!, $to: DateTime!) { engagementScore(unitId: $u, from: $from, to: $to) { ...MatrixScore } }": types.MatrixScoreDocument,
    "query MatrixScores($u: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $u, from: $from, to: $to) { ...MatrixScore } }": types.MatrixScoresDocument,
    "query MatrixBreakdown($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdown(unitId: $u, from: $from, to: $to, by: CHANNEL) { value score { ...MatrixScore } } }": types.MatrixBreakdownDocument,
    "query MatrixTrend($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTrend(unitId: $u, from: $from, to: $to, interval: HOUR) { ...MatrixScore } }": types.MatrixTrendDocument,
    "query MatrixTrendZoned($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTrendZoned: engagementTrend(unitId: $u, from: $from, to: $to, interval: DAY, timeZone: \"Asia/Shanghai\") { ...MatrixScore } }": types.MatrixTrendZonedDocument,
    "query MatrixTouchpoints($u: ID!, $from: DateTime!, $to: DateTime!) {\n    touchpoints(unitId: $u, from: $from, to: $to, first: 100) { edges { node { id customerId unit { ...MatrixUnit } } } pageInfo { hasNextPage } } }": types.MatrixTouchpointsDocument,
    "query MatrixTouchpointsFiltered($u: ID!, $from: DateTime!, $to: DateTime!) {\n    touchpointsFiltered: touchpoints(unitId: $u, from: $from, to: $to, first: 100, filter: { measure: \"csat\", part: DENOMINATOR, channel: PHONE, agentId: \"UNKNOWN\" }) {\n      totalCount edges { node { id agentId handleSeconds satisfaction { score } unit { ...MatrixUnit } } } pageInfo { hasNextPage } } }": types.MatrixTouchpointsFilteredDocument,
    "query MatrixBreakdownByAgent($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdownByAgent: engagementBreakdown(unitId: $u, from: $from, to: $to, by: AGENT) { value score { ...MatrixScore } } }": types.MatrixBreakdownByAgentDocument,
    "mutation MatrixLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token role unitId } }": types.MatrixLoginDocument,
    "mutation MatrixRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }": types.MatrixRecordDocument,
    "mutation MatrixRate($id: ID!, $s: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $id, satisfaction: $s) { id satisfaction { score } unit { ...MatrixUnit } } }": types.MatrixRateDocument,
    "mutation MatrixRateMany($input: [SatisfactionRatingInput!]!) {\n    recordSatisfactions(input: $input) { rated unchanged rejected { index code message } } }": types.MatrixRateManyDocument,
    "mutation MatrixUpsertOrgUnit($input: OrgUnitInput!) { upsertOrgUnit(input: $input) { ...MatrixUnit } }": types.MatrixUpsertOrgUnitDocument,
    "mutation MatrixUpsertUser($input: UserInput!) { upsertUser(input: $input) { username role unitId } }": types.MatrixUpsertUserDocument,
    "mutation MatrixIssueSiteKey($siteId: ID!, $unitId: ID!) { issueSiteKey(siteId: $siteId, unitId: $unitId) { siteId unitId key } }": types.MatrixIssueSiteKeyDocument,
    "query MatrixAuditLog($action: AuditAction) { auditLog(first: 50, action: $action) { edges { node { actor action target } } pageInfo { hasNextPage } } }": types.MatrixAuditLogDocument,
    "mutation MatrixRevokeTokens($username: String!) { revokeTokens(username: $username) }": types.MatrixRevokeTokensDocument,
    "query MatrixCatalogue { commitmentCatalogue { code level parentCode targetMinutes warnAtPercent } }": types.MatrixCatalogueDocument,
    "query MatrixCommitments($u: ID!, $from: DateTime!, $to: DateTime!) {\n    commitments(unitId: $u, from: $from, to: $to) { totalCount edges { node { id code state unit { ...MatrixUnit } ownerUnit { id } } } } }": types.MatrixCommitmentsDocument,
    "query MatrixCommitmentPerformance($u: ID!, $from: DateTime!, $to: DateTime!) {\n    commitmentPerformance(unitId: $u, from: $from, to: $to) { code level started met breached open atRisk keptRate causedBreaches } }": types.MatrixCommitmentPerformanceDocument,
    "mutation MatrixUpsertCommitment($input: CommitmentDefinitionInput!) { upsertCommitment(input: $input) { code level targetMinutes } }": types.MatrixUpsertCommitmentDocument,
    "mutation MatrixCommitmentEvents($input: [CommitmentEventInput!]!) {\n    recordCommitmentEvents(input: $input) { accepted duplicates rejected { index code message } } }": types.MatrixCommitmentEventsDocument,
    "query MatrixCommitment($id: ID!) { commitment(id: $id) { id code touchpointId unit { ...MatrixUnit } ownerUnit { id } promise { id code } } }": types.MatrixCommitmentDocument,
    "query MatrixCommitmentAlerts($u: ID!) { commitmentAlerts(unitId: $u) { id type touchpointId customerId unit { id } ownerUnit { id } } }": types.MatrixCommitmentAlertsDocument,
    "query MatrixFollowUps($u: ID!) { followUps(unitId: $u) { totalCount edges { node { id reason state customerId unit { ...MatrixUnit } } } } }": types.MatrixFollowUpsDocument,
    "mutation MatrixOpenFollowUp($id: ID!) { openFollowUp(touchpointId: $id, note: \"call back\") { id reason state unit { ...MatrixUnit } } }": types.MatrixOpenFollowUpDocument,
    "mutation MatrixAssignFollowUp($id: ID!, $assignee: String!) { assignFollowUp(id: $id, assignee: $assignee) { id assignee unit { ...MatrixUnit } } }": types.MatrixAssignFollowUpDocument,
    "mutation MatrixCloseFollowUp($id: ID!) { closeFollowUp(id: $id, outcome: \"called back, solved\") { id state outcome unit { ...MatrixUnit } } }": types.MatrixCloseFollowUpDocument,
    "query MatrixCustomer($c: String!) { customer(customerId: $c) { customerId touchpoints engagement { type score }\n    units { unit { ...MatrixUnit } touchpoints lastContactAt } risk { probability } openCommitments { id unit { ...MatrixUnit } } followUps { id unit { ...MatrixUnit } } } }": types.MatrixCustomerDocument,
    "query MatrixAtRisk($u: ID!) { atRiskCustomers(unitId: $u) { customerId probability drivers { feature contribution } } }": types.MatrixAtRiskDocument,
    "query MatrixRiskModel { riskModel { modelVersion auc precisionAt50 baselinePrecisionAt50 } }": types.MatrixRiskModelDocument,
    "query MatrixCustomerTimeline($c: String!) { customerTimeline(customerId: $c, first: 100) { edges { node { id customerId unit { ...MatrixUnit } } } } }": types.MatrixCustomerTimelineDocument,
    "query MatrixCustomerInUnit($c: String!, $u: ID!) { customerInUnit: customer(customerId: $c, unitId: $u) { customerId\n    units { unit { ...MatrixUnit } } risk { probability } openCommitments { id unit { ...MatrixUnit } } followUps { id unit { ...MatrixUnit } } } }": types.MatrixCustomerInUnitDocument,
    "query MatrixCustomerTimelineInUnit($c: String!, $u: ID!) {\n    customerTimelineInUnit: customerTimeline(customerId: $c, first: 500, unitId: $u) { totalCount edges { node { id customerId unit { ...MatrixUnit } } } } }": types.MatrixCustomerTimelineInUnitDocument,
    "query MatrixIndicators($u: ID!, $from: DateTime!, $to: DateTime!) {\n    indicators(unitId: $u, from: $from, to: $to) { key class value numerator denominator target status previous } }": types.MatrixIndicatorsDocument,
    "query MatrixEngagementTypes($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTypes(unitId: $u, from: $from, to: $to) { type score measures { key value } } }": types.MatrixEngagementTypesDocument,
    "query MatrixPerceptionPoints($u: ID!, $from: DateTime!, $to: DateTime!) {\n    perceptionPoints(unitId: $u, from: $from, to: $to) { point { code } touchpoints rated csat impact shortBoard } }": types.MatrixPerceptionPointsDocument,
    "query MatrixPerceptionCatalogue { perceptionPointCatalogue { code name nameZh needCategories target } }": types.MatrixPerceptionCatalogueDocument,
    "query MatrixTargets($u: ID!) { targets(unitId: $u) { key target amberBand source unit { ...MatrixUnit } inheritedFrom { ...MatrixUnit } } }": types.MatrixTargetsDocument,
    "mutation MatrixSetTarget($input: TargetInput!) { setTarget(input: $input) { key target source unit { ...MatrixUnit } inheritedFrom { ...MatrixUnit } } }": types.MatrixSetTargetDocument,
    "query MatrixNodeOf($u: ID!, $from: DateTime!, $to: DateTime!) {\n  commitments(unitId: $u, from: $from, to: $to, level: 1, first: 500) { edges { node { id touchpointId } } } }": types.MatrixNodeOfDocument,
    "query MatrixAlertsOf { commitmentAlerts(unitId: \"group\", first: 200) { touchpointId code } }": types.MatrixAlertsOfDocument,
    "mutation SiteTestResendEvents($i: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $i) { accepted duplicates } }": types.SiteTestResendEventsDocument,
    "\n  query SiteTestGatewayFollowUps($unitId: ID!) { followUps(unitId: $unitId, first: 500) { edges { node { id state outcome customerId } } } }\n": types.SiteTestGatewayFollowUpsDocument,
    "query GatewayPerceptionCatalogue { perceptionPointCatalogue { code name nameZh needCategories target } }": types.GatewayPerceptionCatalogueDocument,
    "\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) { token role unitId }\n  }\n": types.LoginDocument,
    "\n  mutation Revoke($u: String!) { revokeTokens(username: $u) }\n": types.RevokeDocument,
    "\n  mutation Record($input: [TouchpointInput!]!) {\n    recordTouchpoints(input: $input) { accepted duplicates rejected { index id code message } }\n  }\n": types.RecordDocument,
    "\n  mutation Rate($id: ID!, $s: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $id, satisfaction: $s) { id satisfaction { score comment } }\n  }\n": types.RateDocument,
    "\n  query Score($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) {\n      touchpoints overall modelVersion chains { chain score measures { key numerator denominator value normalized } }\n    }\n  }\n": types.ScoreDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentBrowserPromises($from: DateTime!, $to: DateTime!) {\n    commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, first: 50) {\n      edges { node { touchpointId code customerId completedAt steps { code completedAt } } }\n    }\n  }\n"): typeof import('./graphql').AgentBrowserPromisesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentBrowserFollowUps {\n    followUps(unitId: \"bu-grid\", first: 100) { edges { node { id customerId state outcome } } }\n  }\n"): typeof import('./graphql').AgentBrowserFollowUpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BoardE2eRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }"): typeof import('./graphql').BoardE2eRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BoardE2eEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted rejected { code message } } }"): typeof import('./graphql').BoardE2eEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BoardE2eNodes($from: DateTime!, $to: DateTime!) {\n  commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, first: 100) { edges { node { id touchpointId state } } } }"): typeof import('./graphql').BoardE2eNodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BoardE2eCounts($from: DateTime!, $to: DateTime!) {\n  open: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [OPEN, AT_RISK], first: 1) { totalCount }\n  atRisk: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [AT_RISK], first: 1) { totalCount }\n  breached: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [BREACHED], first: 1) { totalCount }\n  met: commitments(unitId: \"bu-grid\", from: $from, to: $to, level: 1, states: [MET], first: 1) { totalCount } }"): typeof import('./graphql').BoardE2eCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BoardE2eAlerts { commitmentAlerts(unitId: \"bu-grid\", first: 200) { id type commitmentId } }"): typeof import('./graphql').BoardE2eAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BoardE2eFollowUps { followUps(unitId: \"bu-grid\", first: 200) { edges { node { id reason state commitmentId customerId } } } }"): typeof import('./graphql').BoardE2eFollowUpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrowserScore($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) { touchpoints overall chains { chain score } }\n  }\n"): typeof import('./graphql').BrowserScoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GridTouchpoints($from: DateTime!, $to: DateTime!) {\n    touchpoints(unitId: \"bu-grid\", from: $from, to: $to, first: 200) { edges { node { id customerId unit { id } } } }\n  }\n"): typeof import('./graphql').GridTouchpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LensRiskModel { riskModel { modelVersion auc } }"): typeof import('./graphql').LensRiskModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LensAtRisk { atRiskCustomers(unitId: \"bu-grid\", first: 20) { customerId probability } }"): typeof import('./graphql').LensAtRiskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LensFollowUps { followUps(unitId: \"bu-grid\", states: [OPEN], first: 500) { edges { node { id reason customerId note } } } }"): typeof import('./graphql').LensFollowUpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelsIndicators($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    indicators(unitId: $unitId, from: $from, to: $to) { key class value numerator denominator measureUnit target status previous higherIsBetter }\n    targets(unitId: $unitId) { key target amberBand source inheritedFrom { id } }\n  }\n"): typeof import('./graphql').PanelsIndicatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelsPoints($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    perceptionPoints(unitId: $unitId, from: $from, to: $to) { point { code } touchpoints impact shortBoard }\n  }\n"): typeof import('./graphql').PanelsPointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelsTypes($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementTypes(unitId: $unitId, from: $from, to: $to) { type score } }\n"): typeof import('./graphql').PanelsTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelsLiveScores($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } overall } }\n"): typeof import('./graphql').PanelsLiveScoresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PanelsTargets($unitId: ID!) { targets(unitId: $unitId) { key target amberBand } }"): typeof import('./graphql').PanelsTargetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelsByCustomer($from: DateTime!, $to: DateTime!, $c: String!) {\n    touchpoints(unitId: \"bu-grid\", from: $from, to: $to, first: 5, filter: { customerId: $c }) { totalCount edges { node { perceptionPoint needCategory } } }\n  }\n"): typeof import('./graphql').PanelsByCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplainScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) {\n      touchpoints overall chains { chain score measures { key numerator denominator } }\n    }\n    engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } touchpoints overall }\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: CHANNEL) { value score { touchpoints } }\n  }\n"): typeof import('./graphql').ExplainScoresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MonitorRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }"): typeof import('./graphql').MonitorRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MonitorLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"): typeof import('./graphql').MonitorLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation KillRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }"): typeof import('./graphql').KillRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoTrace($unitId: ID!, $from: DateTime!, $to: DateTime!, $owned: Boolean) {\n    commitments(unitId: $unitId, from: $from, to: $to, owned: $owned, states: [BREACHED], first: 500) {\n      edges { node { id code level state touchpointId unit { id } ownerUnit { id } breachedBy { id code ownerUnit { id } breachedBy { id code ownerUnit { id } } } } }\n    }\n  }\n"): typeof import('./graphql').DemoTraceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoFollowUps($unitId: ID!) {\n    followUps(unitId: $unitId, first: 500) { edges { node { id reason state commitmentId touchpointId unit { id } } } }\n  }\n"): typeof import('./graphql').DemoFollowUpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoTouchpoints($from: DateTime!, $to: DateTime!) { engagementScore(unitId: \"group\", from: $from, to: $to) { touchpoints } }\n"): typeof import('./graphql').DemoTouchpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LogsTypename { __typename }"): typeof import('./graphql').LogsTypenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment E2eTouchpoint on Touchpoint {\n    id unit { id } customerId channel kind stage occurredAt receivedAt needCategory\n    needDescription serviceAction resolved satisfaction { score comment }\n  }\n"): typeof import('./graphql').E2eTouchpointFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment E2eScore on EngagementScore {\n    unit { id } from to touchpoints overall modelVersion\n    chains { chain score measures { key chain numerator denominator value normalized weight } }\n  }\n"): typeof import('./graphql').E2eScoreFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation E2eLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token role unitId } }"): typeof import('./graphql').E2eLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation E2eRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index id code message } } }\n"): typeof import('./graphql').E2eRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation E2eRate($id: ID!, $s: SatisfactionInput!) { recordSatisfaction(touchpointId: $id, satisfaction: $s) { ...E2eTouchpoint } }\n"): typeof import('./graphql').E2eRateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query E2eTouchpoints($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int, $after: String) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after) {\n      edges { cursor node { ...E2eTouchpoint } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').E2eTouchpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query E2eScore($unitId: ID!, $from: DateTime!, $to: DateTime!) { engagementScore(unitId: $unitId, from: $from, to: $to) { ...E2eScore } }\n"): typeof import('./graphql').E2eScoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query E2eScores($parentId: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $parentId, from: $from, to: $to) { ...E2eScore } }\n"): typeof import('./graphql').E2eScoresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query E2eBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) { value score { ...E2eScore } }\n  }\n"): typeof import('./graphql').E2eBreakdownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query E2eTrend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval) { ...E2eScore }\n  }\n"): typeof import('./graphql').E2eTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query E2eMe { me { role unitId } }"): typeof import('./graphql').E2eMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaultsScore($u: ID!, $f: DateTime!, $t: DateTime!) { engagementScore(unitId: $u, from: $f, to: $t) { ...E2eScore } }\n"): typeof import('./graphql').FaultsScoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditUpsertUnit($input: OrgUnitInput!) { upsertOrgUnit(input: $input) { id } }"): typeof import('./graphql').AuditUpsertUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditUpsertUser($input: UserInput!) { upsertUser(input: $input) { username } }"): typeof import('./graphql').AuditUpsertUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditIssueKey($s: ID!, $u: ID!) { issueSiteKey(siteId: $s, unitId: $u) { key } }"): typeof import('./graphql').AuditIssueKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int, $after: String, $action: AuditAction, $actor: String, $from: DateTime, $to: DateTime) {\n    auditLog(first: $first, after: $after, action: $action, actor: $actor, from: $from, to: $to) {\n      edges { cursor node { id at actorKind actor role action target details clientAddress userAgent requestId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BoardLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"): typeof import('./graphql').BoardLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BoardRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }"): typeof import('./graphql').BoardRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BoardEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted rejected { code message } } }"): typeof import('./graphql').BoardEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BoardAlerts($u: ID!, $since: DateTime, $first: Int) {\n  commitmentAlerts(unitId: $u, since: $since, first: $first) { id type at commitmentId code name touchpointId customerId dueAt unit { id } ownerUnit { id name } message } }"): typeof import('./graphql').BoardAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BoardTrace($id: ID!) {\n  commitment(id: $id) {\n    id code level state ownerUnit { id }\n    breachedBy { code ownerUnit { id } breachedBy { code ownerUnit { id } } }\n    promise { id code state steps { code state steps { code state } } }\n  } }"): typeof import('./graphql').BoardTraceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CommitmentsLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"): typeof import('./graphql').CommitmentsLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CommitmentsRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }"): typeof import('./graphql').CommitmentsRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CommitmentsEvents($input: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $input) { accepted duplicates rejected { index id code message } } }"): typeof import('./graphql').CommitmentsEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CommitmentsOfPage($u: ID!, $from: DateTime!, $to: DateTime!) {\n    touchpoints(unitId: $u, from: $from, to: $to, first: 100) { edges { node { id commitments { code state steps { code } } } } } }"): typeof import('./graphql').CommitmentsOfPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CommitmentsPerfNow($u: ID!, $from: DateTime!, $to: DateTime!) {\n    commitmentPerformance(unitId: $u, from: $from, to: $to) { code started met breached open atRisk } }"): typeof import('./graphql').CommitmentsPerfNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CommitmentsCountNow($u: ID!, $from: DateTime!, $to: DateTime!, $states: [CommitmentState!]) {\n    commitments(unitId: $u, from: $from, to: $to, states: $states) { totalCount edges { node { id state } } } }"): typeof import('./graphql').CommitmentsCountNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RiskLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"): typeof import('./graphql').RiskLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RiskRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }"): typeof import('./graphql').RiskRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RiskModel { riskModel { modelVersion trainedAt trainingRatings holdoutRatings auc precisionAt50 baselinePrecisionAt50 } }"): typeof import('./graphql').RiskModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RiskAtRisk($u: ID!, $first: Int) { atRiskCustomers(unitId: $u, first: $first) { customerId probability asOf modelVersion drivers { feature value contribution } } }"): typeof import('./graphql').RiskAtRiskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RiskProfile($c: String!) { customer(customerId: $c) { customerId risk { probability modelVersion drivers { feature value contribution } } } }"): typeof import('./graphql').RiskProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RiskRate($id: ID!, $s: Int!) { recordSatisfaction(touchpointId: $id, satisfaction: { score: $s }) { id } }"): typeof import('./graphql').RiskRateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RiskFollowUps($u: ID!) { followUps(unitId: $u, states: [OPEN], first: 500) { totalCount edges { node { reason customerId touchpointId unit { id } } } } }"): typeof import('./graphql').RiskFollowUpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TypesLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"): typeof import('./graphql').TypesLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TypesRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }"): typeof import('./graphql').TypesRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerTypes($c: String!) { customer(customerId: $c) { engagement { type score measures { key numerator denominator value normalized weight } } } }"): typeof import('./graphql').CustomerTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CustomersLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"): typeof import('./graphql').CustomersLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CustomersRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }"): typeof import('./graphql').CustomersRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerProfile($c: String!) { customer(customerId: $c) {\n  customerId touchpoints firstContactAt lastContactAt units { unit { id } touchpoints lastContactAt }\n  openCommitments { id code touchpointId unit { id } } followUps { id reason customerId unit { id } } } }"): typeof import('./graphql').CustomerProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomerTimeline($c: String!, $first: Int, $after: String) { customerTimeline(customerId: $c, first: $first, after: $after) {\n  totalCount edges { cursor node { id customerId occurredAt unit { id } } } pageInfo { hasNextPage endCursor } } }"): typeof import('./graphql').CustomerTimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DrillDown($unitId: ID!, $from: DateTime!, $to: DateTime!, $first: Int, $after: String, $filter: TouchpointFilter) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id receivedAt agentId teamId productId contractId handleSeconds unit { id } } }\n    }\n  }\n"): typeof import('./graphql').DrillDownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DrillBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!, $by: SliceDimension!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: $by) {\n      value\n      score { touchpoints chains { measures { key numerator denominator } } }\n    }\n  }\n"): typeof import('./graphql').DrillBreakdownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DrillEvents($input: [CommitmentEventInput!]!) {\n    recordCommitmentEvents(input: $input) { accepted rejected { index code message } }\n  }\n"): typeof import('./graphql').DrillEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportPage($unitId: ID!, $from: DateTime!, $to: DateTime!, $after: String, $filter: TouchpointFilter) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: 500, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id customerId agentId handleSeconds needDescription satisfaction { score comment } unit { id } } }\n    }\n  }\n"): typeof import('./graphql').ExportPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportScores($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: AGENT) { value score { touchpoints overall chains { chain score measures { key numerator denominator value } } } }\n    engagementScores(parentId: $unitId, from: $from, to: $to) { unit { id } touchpoints overall }\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: HOUR) { from touchpoints overall }\n  }\n"): typeof import('./graphql').ExportScoresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportZonedTrend($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: DAY, timeZone: \"Asia/Kolkata\") { from to touchpoints overall }\n  }\n"): typeof import('./graphql').ExportZonedTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportAudit { auditLog(first: 50, action: EXPORT) { edges { node { actor target details } } } }\n"): typeof import('./graphql').ExportAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowUpsRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted rejected { code message } } }"): typeof import('./graphql').FollowUpsRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowUpsRate($id: ID!, $s: Int!) { recordSatisfaction(touchpointId: $id, satisfaction: { score: $s }) { id } }"): typeof import('./graphql').FollowUpsRateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowUpsRateMany($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged } }"): typeof import('./graphql').FollowUpsRateManyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FollowUpsList($u: ID!, $states: [FollowUpState!]) { followUps(unitId: $u, states: $states, first: 100) {\n  totalCount edges { node { id reason customerId touchpointId state assignee outcome recovered createdAt dueAt closedAt unit { id } } } } }"): typeof import('./graphql').FollowUpsListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowUpsClose($id: ID!, $o: String!) { closeFollowUp(id: $id, outcome: $o) { id state outcome closedAt } }"): typeof import('./graphql').FollowUpsCloseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowUpsAssign($id: ID!, $a: String!) { assignFollowUp(id: $id, assignee: $a) { id assignee } }"): typeof import('./graphql').FollowUpsAssignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowUpsOpen($id: ID!, $note: String) { openFollowUp(touchpointId: $id, note: $note) { id reason state unit { id } } }"): typeof import('./graphql').FollowUpsOpenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FollowUpsLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"): typeof import('./graphql').FollowUpsLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Indicators($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    indicators(unitId: $unitId, from: $from, to: $to) { key class value numerator denominator measureUnit target higherIsBetter status previous }\n  }\n"): typeof import('./graphql').IndicatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EngagementTypes($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTypes(unitId: $unitId, from: $from, to: $to) { type score measures { key numerator denominator value } }\n  }\n"): typeof import('./graphql').EngagementTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TargetsOf($unitId: ID!) { targets(unitId: $unitId) { key target amberBand source unit { id } inheritedFrom { id } } }\n"): typeof import('./graphql').TargetsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTarget($input: TargetInput!) { setTarget(input: $input) { key target amberBand source unit { id } inheritedFrom { id } } }\n"): typeof import('./graphql').SetTargetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateManyForIndicators($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged rejected { index code } } }\n"): typeof import('./graphql').RateManyForIndicatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RateMany($input: [SatisfactionRatingInput!]!) {\n      recordSatisfactions(input: $input) { rated unchanged rejected { index id code message } }\n    }\n  "): typeof import('./graphql').RateManyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MetricsRateMany($input: [SatisfactionRatingInput!]!) { recordSatisfactions(input: $input) { rated unchanged rejected { index code } } }"): typeof import('./graphql').MetricsRateManyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MetricsLogin { login(username: \"exec\", password: \"exec-password\") { token } }"): typeof import('./graphql').MetricsLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PerceptionPoints($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    perceptionPoints(unitId: $unitId, from: $from, to: $to) { point { code name nameZh needCategories target } touchpoints rated csat lowRatings impact shortBoard }\n  }\n"): typeof import('./graphql').PerceptionPointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TouchpointsOfPoint($unitId: ID!, $from: DateTime!, $to: DateTime!, $filter: TouchpointFilter) {\n    touchpoints(unitId: $unitId, from: $from, to: $to, first: 1, filter: $filter) { totalCount }\n  }\n"): typeof import('./graphql').TouchpointsOfPointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PerceptionBreakdown($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdown(unitId: $unitId, from: $from, to: $to, by: PERCEPTION_POINT) { value score { touchpoints } }\n  }\n"): typeof import('./graphql').PerceptionBreakdownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddUnit($i: OrgUnitInput!) { upsertOrgUnit(input: $i) { id } }"): typeof import('./graphql').AddUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevocationUpsertUser($i: UserInput!) { upsertUser(input: $i) { username role unitId } }"): typeof import('./graphql').RevocationUpsertUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RevocationMe { me { role unitId } }"): typeof import('./graphql').RevocationMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RevocationBuA { orgUnit(id: \"bu-a\") { id } }"): typeof import('./graphql').RevocationBuADocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RevocationBuB { orgUnit(id: \"bu-b\") { id } }"): typeof import('./graphql').RevocationBuBDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ZonedTrend($unitId: ID!, $from: DateTime!, $to: DateTime!, $interval: TrendInterval!, $timeZone: String) {\n    engagementTrend(unitId: $unitId, from: $from, to: $to, interval: $interval, timeZone: $timeZone) {\n      from\n      to\n      touchpoints\n      overall\n      chains { chain score measures { key numerator denominator } }\n    }\n  }\n"): typeof import('./graphql').ZonedTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MatrixUnit on OrgUnit { __typename id parent { __typename id } children { __typename id } }"): typeof import('./graphql').MatrixUnitFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MatrixScore on EngagementScore { unit { ...MatrixUnit } from to touchpoints overall chains { chain score } }"): typeof import('./graphql').MatrixScoreFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixMe { me { token role unitId } }"): typeof import('./graphql').MatrixMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixOrgUnits { orgUnits { ...MatrixUnit } }"): typeof import('./graphql').MatrixOrgUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixOrgUnit($id: ID!) { orgUnit(id: $id) { ...MatrixUnit } }"): typeof import('./graphql').MatrixOrgUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixScore($u: ID!, $from: DateTime!, $to: DateTime!) { engagementScore(unitId: $u, from: $from, to: $to) { ...MatrixScore } }"): typeof import('./graphql').MatrixScoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixScores($u: ID!, $from: DateTime!, $to: DateTime!) { engagementScores(parentId: $u, from: $from, to: $to) { ...MatrixScore } }"): typeof import('./graphql').MatrixScoresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixBreakdown($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdown(unitId: $u, from: $from, to: $to, by: CHANNEL) { value score { ...MatrixScore } } }"): typeof import('./graphql').MatrixBreakdownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixTrend($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTrend(unitId: $u, from: $from, to: $to, interval: HOUR) { ...MatrixScore } }"): typeof import('./graphql').MatrixTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixTrendZoned($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTrendZoned: engagementTrend(unitId: $u, from: $from, to: $to, interval: DAY, timeZone: \"Asia/Shanghai\") { ...MatrixScore } }"): typeof import('./graphql').MatrixTrendZonedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixTouchpoints($u: ID!, $from: DateTime!, $to: DateTime!) {\n    touchpoints(unitId: $u, from: $from, to: $to, first: 100) { edges { node { id customerId unit { ...MatrixUnit } } } pageInfo { hasNextPage } } }"): typeof import('./graphql').MatrixTouchpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixTouchpointsFiltered($u: ID!, $from: DateTime!, $to: DateTime!) {\n    touchpointsFiltered: touchpoints(unitId: $u, from: $from, to: $to, first: 100, filter: { measure: \"csat\", part: DENOMINATOR, channel: PHONE, agentId: \"UNKNOWN\" }) {\n      totalCount edges { node { id agentId handleSeconds satisfaction { score } unit { ...MatrixUnit } } } pageInfo { hasNextPage } } }"): typeof import('./graphql').MatrixTouchpointsFilteredDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixBreakdownByAgent($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementBreakdownByAgent: engagementBreakdown(unitId: $u, from: $from, to: $to, by: AGENT) { value score { ...MatrixScore } } }"): typeof import('./graphql').MatrixBreakdownByAgentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token role unitId } }"): typeof import('./graphql').MatrixLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixRecord($input: [TouchpointInput!]!) { recordTouchpoints(input: $input) { accepted duplicates rejected { index code message } } }"): typeof import('./graphql').MatrixRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixRate($id: ID!, $s: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $id, satisfaction: $s) { id satisfaction { score } unit { ...MatrixUnit } } }"): typeof import('./graphql').MatrixRateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixRateMany($input: [SatisfactionRatingInput!]!) {\n    recordSatisfactions(input: $input) { rated unchanged rejected { index code message } } }"): typeof import('./graphql').MatrixRateManyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixUpsertOrgUnit($input: OrgUnitInput!) { upsertOrgUnit(input: $input) { ...MatrixUnit } }"): typeof import('./graphql').MatrixUpsertOrgUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixUpsertUser($input: UserInput!) { upsertUser(input: $input) { username role unitId } }"): typeof import('./graphql').MatrixUpsertUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixIssueSiteKey($siteId: ID!, $unitId: ID!) { issueSiteKey(siteId: $siteId, unitId: $unitId) { siteId unitId key } }"): typeof import('./graphql').MatrixIssueSiteKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixAuditLog($action: AuditAction) { auditLog(first: 50, action: $action) { edges { node { actor action target } } pageInfo { hasNextPage } } }"): typeof import('./graphql').MatrixAuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixRevokeTokens($username: String!) { revokeTokens(username: $username) }"): typeof import('./graphql').MatrixRevokeTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixCatalogue { commitmentCatalogue { code level parentCode targetMinutes warnAtPercent } }"): typeof import('./graphql').MatrixCatalogueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixCommitments($u: ID!, $from: DateTime!, $to: DateTime!) {\n    commitments(unitId: $u, from: $from, to: $to) { totalCount edges { node { id code state unit { ...MatrixUnit } ownerUnit { id } } } } }"): typeof import('./graphql').MatrixCommitmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixCommitmentPerformance($u: ID!, $from: DateTime!, $to: DateTime!) {\n    commitmentPerformance(unitId: $u, from: $from, to: $to) { code level started met breached open atRisk keptRate causedBreaches } }"): typeof import('./graphql').MatrixCommitmentPerformanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixUpsertCommitment($input: CommitmentDefinitionInput!) { upsertCommitment(input: $input) { code level targetMinutes } }"): typeof import('./graphql').MatrixUpsertCommitmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixCommitmentEvents($input: [CommitmentEventInput!]!) {\n    recordCommitmentEvents(input: $input) { accepted duplicates rejected { index code message } } }"): typeof import('./graphql').MatrixCommitmentEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixCommitment($id: ID!) { commitment(id: $id) { id code touchpointId unit { ...MatrixUnit } ownerUnit { id } promise { id code } } }"): typeof import('./graphql').MatrixCommitmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixCommitmentAlerts($u: ID!) { commitmentAlerts(unitId: $u) { id type touchpointId customerId unit { id } ownerUnit { id } } }"): typeof import('./graphql').MatrixCommitmentAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixFollowUps($u: ID!) { followUps(unitId: $u) { totalCount edges { node { id reason state customerId unit { ...MatrixUnit } } } } }"): typeof import('./graphql').MatrixFollowUpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixOpenFollowUp($id: ID!) { openFollowUp(touchpointId: $id, note: \"call back\") { id reason state unit { ...MatrixUnit } } }"): typeof import('./graphql').MatrixOpenFollowUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixAssignFollowUp($id: ID!, $assignee: String!) { assignFollowUp(id: $id, assignee: $assignee) { id assignee unit { ...MatrixUnit } } }"): typeof import('./graphql').MatrixAssignFollowUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixCloseFollowUp($id: ID!) { closeFollowUp(id: $id, outcome: \"called back, solved\") { id state outcome unit { ...MatrixUnit } } }"): typeof import('./graphql').MatrixCloseFollowUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixCustomer($c: String!) { customer(customerId: $c) { customerId touchpoints engagement { type score }\n    units { unit { ...MatrixUnit } touchpoints lastContactAt } risk { probability } openCommitments { id unit { ...MatrixUnit } } followUps { id unit { ...MatrixUnit } } } }"): typeof import('./graphql').MatrixCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixAtRisk($u: ID!) { atRiskCustomers(unitId: $u) { customerId probability drivers { feature contribution } } }"): typeof import('./graphql').MatrixAtRiskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixRiskModel { riskModel { modelVersion auc precisionAt50 baselinePrecisionAt50 } }"): typeof import('./graphql').MatrixRiskModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixCustomerTimeline($c: String!) { customerTimeline(customerId: $c, first: 100) { edges { node { id customerId unit { ...MatrixUnit } } } } }"): typeof import('./graphql').MatrixCustomerTimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixCustomerInUnit($c: String!, $u: ID!) { customerInUnit: customer(customerId: $c, unitId: $u) { customerId\n    units { unit { ...MatrixUnit } } risk { probability } openCommitments { id unit { ...MatrixUnit } } followUps { id unit { ...MatrixUnit } } } }"): typeof import('./graphql').MatrixCustomerInUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixCustomerTimelineInUnit($c: String!, $u: ID!) {\n    customerTimelineInUnit: customerTimeline(customerId: $c, first: 500, unitId: $u) { totalCount edges { node { id customerId unit { ...MatrixUnit } } } } }"): typeof import('./graphql').MatrixCustomerTimelineInUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixIndicators($u: ID!, $from: DateTime!, $to: DateTime!) {\n    indicators(unitId: $u, from: $from, to: $to) { key class value numerator denominator target status previous } }"): typeof import('./graphql').MatrixIndicatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixEngagementTypes($u: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementTypes(unitId: $u, from: $from, to: $to) { type score measures { key value } } }"): typeof import('./graphql').MatrixEngagementTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixPerceptionPoints($u: ID!, $from: DateTime!, $to: DateTime!) {\n    perceptionPoints(unitId: $u, from: $from, to: $to) { point { code } touchpoints rated csat impact shortBoard } }"): typeof import('./graphql').MatrixPerceptionPointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixPerceptionCatalogue { perceptionPointCatalogue { code name nameZh needCategories target } }"): typeof import('./graphql').MatrixPerceptionCatalogueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixTargets($u: ID!) { targets(unitId: $u) { key target amberBand source unit { ...MatrixUnit } inheritedFrom { ...MatrixUnit } } }"): typeof import('./graphql').MatrixTargetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MatrixSetTarget($input: TargetInput!) { setTarget(input: $input) { key target source unit { ...MatrixUnit } inheritedFrom { ...MatrixUnit } } }"): typeof import('./graphql').MatrixSetTargetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixNodeOf($u: ID!, $from: DateTime!, $to: DateTime!) {\n  commitments(unitId: $u, from: $from, to: $to, level: 1, first: 500) { edges { node { id touchpointId } } } }"): typeof import('./graphql').MatrixNodeOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MatrixAlertsOf { commitmentAlerts(unitId: \"group\", first: 200) { touchpointId code } }"): typeof import('./graphql').MatrixAlertsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SiteTestResendEvents($i: [CommitmentEventInput!]!) { recordCommitmentEvents(input: $i) { accepted duplicates } }"): typeof import('./graphql').SiteTestResendEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiteTestGatewayFollowUps($unitId: ID!) { followUps(unitId: $unitId, first: 500) { edges { node { id state outcome customerId } } } }\n"): typeof import('./graphql').SiteTestGatewayFollowUpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GatewayPerceptionCatalogue { perceptionPointCatalogue { code name nameZh needCategories target } }"): typeof import('./graphql').GatewayPerceptionCatalogueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($u: String!, $p: String!) {\n    login(username: $u, password: $p) { token role unitId }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Revoke($u: String!) { revokeTokens(username: $u) }\n"): typeof import('./graphql').RevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Record($input: [TouchpointInput!]!) {\n    recordTouchpoints(input: $input) { accepted duplicates rejected { index id code message } }\n  }\n"): typeof import('./graphql').RecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Rate($id: ID!, $s: SatisfactionInput!) {\n    recordSatisfaction(touchpointId: $id, satisfaction: $s) { id satisfaction { score comment } }\n  }\n"): typeof import('./graphql').RateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Score($unitId: ID!, $from: DateTime!, $to: DateTime!) {\n    engagementScore(unitId: $unitId, from: $from, to: $to) {\n      touchpoints overall modelVersion chains { chain score measures { key numerator denominator value normalized } }\n    }\n  }\n"): typeof import('./graphql').ScoreDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
