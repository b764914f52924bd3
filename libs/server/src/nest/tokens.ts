/** The storage of a Nest app (gateway or site): one token, so shared providers can inject it. */
export const DATABASE = Symbol('Database');
