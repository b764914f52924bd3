export * from './types';
export * from './documents';
export * from './gateway-client';
export type { TypedDocumentString } from './__generated__/graphql';
