import type { PageCursor } from '@qihe/data';
import { EARLIEST_DATE_MS } from '@qihe/domain';
import { badInput } from '@qihe/server';

// The keyset cursor of every touchpoint page (the unit's drill-down, a customer's timeline): newest first by (occurredAt, id).

// The latest instant a Date can hold: a cursor naming a later one was not made here.
const MAX_DATE_MS = 8.64e15;

export const encodeTouchpointCursor = (c: PageCursor): string => Buffer.from(`${c.occurredAt}:${c.id}`).toString('base64url');

export function decodeTouchpointCursor(raw: string): PageCursor {
  const m = /^(\d{1,16}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(Buffer.from(raw, 'base64url').toString());
  const occurredAt = m ? Number(m[1]) : NaN;
  if (!m || occurredAt < EARLIEST_DATE_MS || occurredAt > MAX_DATE_MS) throw badInput('after', 'after: not a cursor returned by this query');
  return { occurredAt, id: m[2] };
}
