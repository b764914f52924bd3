// PostgreSQL array literals built by hand for bulk statements (… FROM
// unnest($1::text[], …)): node-postgres would escape every element through a
// generic path, which costs more than the whole rest of a 500-row insert.
// Elements are always double-quoted, so no value is ever mistaken for NULL,
// a separator or a brace; NULL stays unquoted.
//
// Each literal is one `join` of the column's elements: a flat string made in
// one copy, where appending element by element made a rope of two new strings
// per element (garbage, and a flattening when the driver encodes it).

const ESCAPE = /["\\]/g;

// indexOf is a plain scan of the string, cheaper than a regular expression's test on the 20,000 values of a batch's columns.
const plain = (v: string): boolean => v.indexOf('"') < 0 && v.indexOf('\\') < 0;
const quoted = (v: string): string => (plain(v) ? `"${v}"` : `"${v.replace(ESCAPE, '\\$&')}"`);

/** `{"a","b",NULL}` for text, uuid, timestamptz, jsonb … (anything given in text form). */
export const textArray = (values: readonly (string | null)[]): string => textColumn(values, same);

const same = <T>(v: T): T => v;

// The *Column forms read one field of each row straight into the literal: no array of the values in between
// (a 500-row insert has some 35 columns).

/** textArray of `get` of each row. */
export function textColumn<T>(rows: readonly T[], get: (row: T) => string | null): string {
  const n = rows.length;
  if (n === 0) return '{}';
  const parts = new Array<string>(n);
  // While every value is plain (not null, nothing to escape), the values themselves go between '","':
  // no string is made per element. The first other value quotes the ones before it and the rest.
  let allPlain = true;
  for (let i = 0; i < n; i++) {
    const v = get(rows[i]);
    if (allPlain) {
      if (v !== null && plain(v)) {
        parts[i] = v;
        continue;
      }
      allPlain = false;
      for (let j = 0; j < i; j++) parts[j] = `"${parts[j]}"`;
    }
    parts[i] = v === null ? 'NULL' : quoted(v);
  }
  return allPlain ? `{"${parts.join('","')}"}` : `{${parts.join(',')}}`;
}

/** numberArray of `get` of each row. */
export function numberColumn<T>(rows: readonly T[], get: (row: T) => number | null): string {
  // Numbers are left to join, which writes each as String(v) does.
  const parts = new Array<number | string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = get(rows[i]);
    if (v === null) parts[i] = 'NULL';
    else if (Number.isFinite(v)) parts[i] = v;
    else throw new RangeError(`not a finite number in a numeric array: ${v}`);
  }
  return `{${parts.join(',')}}`;
}

/** boolArray of `get` of each row. */
export function boolColumn<T>(rows: readonly T[], get: (row: T) => boolean | null): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = get(rows[i]);
    parts[i] = v === null ? 'NULL' : v ? 't' : 'f';
  }
  return `{${parts.join(',')}}`;
}

/** `{1,2,NULL}` for int, smallint, bigint: only finite numbers are allowed. */
export const numberArray = (values: readonly (number | null)[]): string => numberColumn(values, same);

/** `{t,f,NULL}`. */
export const boolArray = (values: readonly (boolean | null)[]): string => boolColumn(values, same);
