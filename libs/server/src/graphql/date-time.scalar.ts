import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// ISO-8601 with an explicit offset, as the contract says: "2026-11-23T08:00:00Z".
// A date without an offset is ambiguous across a national org's sites, so it is refused.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A text DateTime's parseValue takes to `new Date(text)` (which may still be no real date-time). */
export const isDateTimeText = (value: unknown): value is string => typeof value === 'string' && ISO_WITH_OFFSET.test(value);

function parse(value: unknown): Date {
  if (!isDateTimeText(value)) {
    throw new GraphQLError(`DateTime must be an ISO-8601 string with an offset, e.g. 2026-11-23T08:00:00Z; got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new GraphQLError(`DateTime ${JSON.stringify(value)} is not a real date-time`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return d;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO-8601 with offset, e.g. 2026-11-23T08:00:00Z',
  serialize(value) {
    const d = value instanceof Date ? value : new Date(value as string);
    return d.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  },
});
