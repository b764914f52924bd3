// PostgreSQL array literals built by hand for bulk statements (… FROM
// unnest($1::text[], …)): node-postgres would escape every element through a
// generic path, which costs more than the whole rest of a 500-row insert.
// Elements are always double-quoted, so no value is ever mistaken for NULL,
// a separator or a brace; NULL stays unquoted.

const NEEDS_ESCAPE = /["\\]/;
const ESCAPE = /["\\]/g;

/** `{"a","b",NULL}` for text, uuid, timestamptz, jsonb … (anything given in text form). */
export function textArray(values: readonly (string | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v === null) out += 'NULL';
    else out += NEEDS_ESCAPE.test(v) ? `"${v.replace(ESCAPE, '\\$&')}"` : `"${v}"`;
  }
  return out + '}';
}

/** `{1,2,NULL}` for int, smallint, bigint: only finite numbers are allowed. */
export function numberArray(values: readonly (number | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v === null) out += 'NULL';
    else if (Number.isFinite(v)) out += String(v);
    else throw new RangeError(`not a finite number in a numeric array: ${v}`);
  }
  return out + '}';
}

/** `{t,f,NULL}`. */
export function boolArray(values: readonly (boolean | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) out += ',';
    out += v === null ? 'NULL' : v ? 't' : 'f';
  }
  return out + '}';
}
