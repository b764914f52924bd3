export * from './types';
export * from './documents';
export * from './gateway-client';
