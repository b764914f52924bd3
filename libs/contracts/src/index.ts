export * from './feed-events';
export * from './ids';
export * from './service-flags';
