// Injection tokens of values that are not classes.
export const CONFIG = Symbol('SiteConfig');
export { DATABASE } from '@qihe/server';
