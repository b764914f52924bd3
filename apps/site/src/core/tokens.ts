// Injection tokens of values that are not classes.
export const CONFIG = Symbol('SiteConfig');
export const DATABASE = Symbol('SiteDatabase');
