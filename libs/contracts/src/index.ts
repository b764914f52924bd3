export * from './feed-events';
