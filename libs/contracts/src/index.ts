export * from './feed-events';
export * from './ids';
