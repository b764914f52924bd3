// Injection tokens of values that are not classes.
export const CONFIG = Symbol('GatewayConfig');
export { DATABASE } from '@qihe/server';
export const ENGAGEMENT_MODEL = Symbol('EngagementModel');
