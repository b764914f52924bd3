export * from './types';
export * from './gateway-client';
