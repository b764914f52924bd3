import {
  buildASTSchema,
  concatAST,
  Kind,
  parse,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from 'graphql';

// shared/contract/management.graphql is the second stage of the contract; it is
// built part by part. Each part is a list of schema coordinates: a type name
// ("Commitment"), a member added by an `extend` ("Query.commitments",
// "SliceDimension.AGENT"), or the one argument the file states in prose
// ("Query.touchpoints(filter)"). A part leaves NOT_BUILT when it is built; from
// then on it must be served exactly as management.graphql says.

export const MANAGEMENT_PARTS: Record<string, string[]> = {
  commitments: [
    'CommitmentState', 'CommitmentDefinition', 'Commitment', 'CommitmentEdge', 'CommitmentConnection', 'CommitmentPerformance',
    'CommitmentDefinitionInput', 'CommitmentEventInput',
    'Query.commitmentCatalogue', 'Query.commitments', 'Query.commitmentPerformance', 'Mutation.upsertCommitment', 'Mutation.recordCommitmentEvents',
  ],
  'follow-ups': [
    'FollowUpReason', 'FollowUpState', 'FollowUp', 'FollowUpEdge', 'FollowUpConnection',
    'Query.followUps', 'Mutation.assignFollowUp', 'Mutation.closeFollowUp', 'Mutation.openFollowUp',
  ],
  'drill-down filter and totalCount': ['MeasurePart', 'TouchpointFilter', 'TouchpointConnection.totalCount', 'Query.touchpoints(filter)'],
  'indicators and targets': ['IndicatorClass', 'Status', 'Indicator', 'TargetInput', 'Target', 'Query.indicators', 'Query.targets', 'Mutation.setTarget'],
  'perception points': ['PerceptionPoint', 'PerceptionPointScore', 'Query.perceptionPoints'],
  'engagement types': ['EngagementType', 'EngagementTypeScore', 'Query.engagementTypes'],
  'customer and risk': [
    'RiskDriver', 'CustomerRisk', 'CustomerUnitActivity', 'CustomerProfile', 'RiskModelQuality',
    'Query.customer', 'Query.customerTimeline', 'Query.atRiskCustomers', 'Query.riskModel',
  ],
  'Touchpoint extensions': [
    'Touchpoint.agentId', 'Touchpoint.teamId', 'Touchpoint.productId', 'Touchpoint.contractId',
    'Touchpoint.handleSeconds', 'Touchpoint.perceptionPoint', 'Touchpoint.commitments',
  ],
  'TouchpointInput.perceptionPoint': ['TouchpointInput.perceptionPoint'],
  'SliceDimension values': ['SliceDimension.AGENT', 'SliceDimension.TEAM', 'SliceDimension.PRODUCT', 'SliceDimension.PERCEPTION_POINT'],
};

/** Parts of management.graphql the gateway does not serve yet. Remove a part here when it is built. */
export const NOT_BUILT: string[] = [
];

const FILTER_ARG = 'Query.touchpoints(filter)';

type Named = DefinitionNode & { name: { value: string } };
const isExtension = (d: DefinitionNode): boolean =>
  d.kind === Kind.OBJECT_TYPE_EXTENSION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION || d.kind === Kind.ENUM_TYPE_EXTENSION;
const membersOf = (d: DefinitionNode): { name: { value: string } }[] => {
  if (d.kind === Kind.OBJECT_TYPE_EXTENSION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) return [...(d.fields ?? [])];
  if (d.kind === Kind.ENUM_TYPE_EXTENSION) return [...(d.values ?? [])];
  return [];
};

/** Every coordinate management.graphql declares (plus the prose argument), in file order. */
export function managementCoordinates(management: DocumentNode): string[] {
  const out: string[] = [];
  for (const d of management.definitions as Named[]) {
    if (isExtension(d)) out.push(...membersOf(d).map((m) => `${d.name.value}.${m.name.value}`));
    else out.push(d.name.value);
  }
  return [...out, FILTER_ARG];
}

/**
 * schema.graphql plus one part of management.graphql (and the types of
 * management.graphql that part refers to, so that it builds on its own).
 */
export function partContract(base: DocumentNode, management: DocumentNode, part: string[]): GraphQLSchema {
  const wanted = new Set(part);
  const defined = new Map((management.definitions as Named[]).filter((d) => !isExtension(d)).map((d) => [d.name.value, d]));
  const picked: DefinitionNode[] = [];
  for (const d of management.definitions as Named[]) {
    if (!isExtension(d)) {
      if (wanted.has(d.name.value)) picked.push(d);
      continue;
    }
    const keep = (m: { name: { value: string } }) => wanted.has(`${d.name.value}.${m.name.value}`);
    if (d.kind === Kind.ENUM_TYPE_EXTENSION && d.values?.some(keep)) picked.push({ ...d, values: d.values.filter(keep) });
    if ((d.kind === Kind.OBJECT_TYPE_EXTENSION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) && d.fields?.some(keep)) {
      picked.push({ ...d, fields: d.fields.filter(keep) } as DefinitionNode);
    }
  }
  // Close over the management types the picked definitions name.
  for (let i = 0; i < picked.length; i++) {
    visit(picked[i], {
      NamedType(node) {
        const dep = defined.get(node.name.value);
        if (dep && !picked.includes(dep)) picked.push(dep);
      },
    });
  }
  const withFilter = wanted.has(FILTER_ARG) ? addFilterArgument(base) : base;
  return buildASTSchema(concatAST([withFilter, { kind: Kind.DOCUMENT, definitions: picked }]));
}

// "Query.touchpoints gains an optional last argument `filter: TouchpointFilter`": no SDL extension can say it.
function addFilterArgument(base: DocumentNode): DocumentNode {
  const holder = parse('type X { f(filter: TouchpointFilter): Int }').definitions[0] as ObjectTypeDefinitionNode;
  const filter = holder.fields?.[0].arguments?.[0];
  let inQuery = false;
  return visit(base, {
    ObjectTypeDefinition: { enter: (n) => void (inQuery = n.name.value === 'Query'), leave: () => void (inQuery = false) },
    FieldDefinition: (n) => (inQuery && filter && n.name.value === 'touchpoints' ? { ...n, arguments: [...(n.arguments ?? []), filter] } : undefined),
  });
}
