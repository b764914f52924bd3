// Injection tokens of values that are not classes.
export const CONFIG = Symbol('GatewayConfig');
export { DATABASE } from '@qihe/server';
export const ENGAGEMENT_MODEL = Symbol('EngagementModel');
/** Storage for reads that tolerate a standby's lag (scores, drill-down, feed scores): a ReadSql. */
export const READ_DATABASE = Symbol('ReadDatabase');
