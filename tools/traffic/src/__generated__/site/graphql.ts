/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Channel =
  | 'APP'
  | 'EMAIL'
  | 'ONSITE'
  | 'OTHER'
  | 'PHONE'
  | 'SOCIAL'
  | 'WEB';

export type CommitmentInput = {
  code: string;
  met: boolean;
};

export type LifecycleStage =
  | 'AFTER_SALE'
  | 'IN_SALE'
  | 'PRE_SALE';

export type NeedCategory =
  | 'BILLING'
  | 'COMPLAINT'
  | 'CONSULTATION'
  | 'FAULT'
  | 'INSTALLATION'
  | 'KNOWLEDGE'
  | 'OTHER'
  | 'PURCHASE'
  | 'RENEWAL'
  | 'SUGGESTION';

export type NeedInput = {
  category: NeedCategory;
  description?: string | null | undefined;
};

export type SatisfactionInput = {
  comment?: string | null | undefined;
  score: number;
};

export type ServiceInput = {
  action: string;
  commitment?: CommitmentInput | null | undefined;
  firstContact: boolean;
  handleSeconds: number;
  handoffUnitId?: string | null | undefined;
  knowledgeCreated?: boolean | null | undefined;
  knowledgeRefs?: Array<string> | null | undefined;
  resolved: boolean;
  servedAt?: string | null | undefined;
};

export type SiteTouchpointInput = {
  channel: Channel;
  contractId?: string | null | undefined;
  customerId: string;
  id?: string | null | undefined;
  industry?: string | null | undefined;
  kind: TouchpointKind;
  need: NeedInput;
  occurredAt?: string | null | undefined;
  perceptionPoint?: string | null | undefined;
  productId?: string | null | undefined;
  region?: string | null | undefined;
  satisfaction?: SatisfactionInput | null | undefined;
  service?: ServiceInput | null | undefined;
  stage: LifecycleStage;
  teamId?: string | null | undefined;
  unitId?: string | null | undefined;
};

export type TouchpointKind =
  | 'COLLABORATION'
  | 'SERVICE'
  | 'SOCIAL';

export type LogMutationVariables = Exact<{
  input: Array<SiteTouchpointInput> | SiteTouchpointInput;
}>;


export type LogMutation = { logTouchpoints: Array<{ id: string }> };

export type RateMutationVariables = Exact<{
  id: string;
  s: SatisfactionInput;
}>;


export type RateMutation = { rateTouchpoint: { id: string } };

export type LoginMutationVariables = Exact<{
  u: string;
  p: string;
}>;


export type LoginMutation = { login: { token: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const LogDocument = new TypedDocumentString(`
    mutation Log($input: [SiteTouchpointInput!]!) {
  logTouchpoints(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<LogMutation, LogMutationVariables>;
export const RateDocument = new TypedDocumentString(`
    mutation Rate($id: ID!, $s: SatisfactionInput!) {
  rateTouchpoint(touchpointId: $id, satisfaction: $s) {
    id
  }
}
    `) as unknown as TypedDocumentString<RateMutation, RateMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    token
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;