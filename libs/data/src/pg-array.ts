// PostgreSQL array literals built by hand for bulk statements (… FROM
// unnest($1::text[], …)): node-postgres would escape every element through a
// generic path, which costs more than the whole rest of a 500-row insert.
// Elements are always double-quoted, so no value is ever mistaken for NULL,
// a separator or a brace; NULL stays unquoted.

const ESCAPE = /["\\]/g;

// indexOf is a plain scan of the string, cheaper than a regular expression's test on the 20,000 values of a batch's columns.
const quoted = (v: string): string => (v.indexOf('"') < 0 && v.indexOf('\\') < 0 ? `"${v}"` : `"${v.replace(ESCAPE, '\\$&')}"`);

/** `{"a","b",NULL}` for text, uuid, timestamptz, jsonb … (anything given in text form). */
export const textArray = (values: readonly (string | null)[]): string => textColumn(values, same);

const same = <T>(v: T): T => v;

// The *Column forms read one field of each row straight into the literal: no array of the values in between
// (a 500-row insert has some 35 columns).

/** textArray of `get` of each row. */
export function textColumn<T>(rows: readonly T[], get: (row: T) => string | null): string {
  let out = '{';
  for (let i = 0; i < rows.length; i++) {
    const v = get(rows[i]);
    if (i > 0) out += ',';
    out += v === null ? 'NULL' : quoted(v);
  }
  return out + '}';
}

/** numberArray of `get` of each row. */
export function numberColumn<T>(rows: readonly T[], get: (row: T) => number | null): string {
  let out = '{';
  for (let i = 0; i < rows.length; i++) {
    const v = get(rows[i]);
    if (i > 0) out += ',';
    if (v === null) out += 'NULL';
    else if (Number.isFinite(v)) out += String(v);
    else throw new RangeError(`not a finite number in a numeric array: ${v}`);
  }
  return out + '}';
}

/** boolArray of `get` of each row. */
export function boolColumn<T>(rows: readonly T[], get: (row: T) => boolean | null): string {
  let out = '{';
  for (let i = 0; i < rows.length; i++) {
    const v = get(rows[i]);
    if (i > 0) out += ',';
    out += v === null ? 'NULL' : v ? 't' : 'f';
  }
  return out + '}';
}

/** `{1,2,NULL}` for int, smallint, bigint: only finite numbers are allowed. */
export const numberArray = (values: readonly (number | null)[]): string => numberColumn(values, same);

/** `{t,f,NULL}`. */
export const boolArray = (values: readonly (boolean | null)[]): string => boolColumn(values, same);
