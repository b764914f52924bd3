export * from './vocabulary';
export * from './counters';
export * from './engagement-model';
export * from './org-tree';
export * from './time-window';
export * from './seed';
export * from './touchpoint';
export * from './access-policy';
