// Injection tokens of values that are not classes.
export const CONFIG = Symbol('GatewayConfig');
export const DATABASE = Symbol('Database');
export const ENGAGEMENT_MODEL = Symbol('EngagementModel');
