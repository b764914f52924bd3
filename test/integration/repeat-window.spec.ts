import { newId } from '@qihe/contracts';
import { ensurePartitions, partitionsOf, storeTouchpoints, type Database } from '@qihe/data';
import { makesRepeat, repeatsAmong, type RepeatKey, type TouchpointRecord } from '@qihe/domain';
import { openMigratedTestDatabase } from '../support/test-database';
import { variedRecord } from '../support/varied-records';

// The repeat window is exactly 7 × 24 hours (REPEAT_CONTACT_WINDOW_MS) whatever
// the session's TimeZone. In a zone with daylight saving, '7 days' of interval
// arithmetic is seven calendar days there: 167 hours across the spring change,
// 169 across the autumn one — a repeat 167.5 h after its predecessor was missed,
// a touchpoint 168.5 h after one was made a repeat. Europe/Berlin changes on
// 29 March 2026 and 25 October 2026, at 01:00 UTC.

const H = 3_600_000;
const SPRING = Date.UTC(2026, 2, 30, 12); // a day after the spring change
const AUTUMN = Date.UTC(2026, 9, 27, 12); // two days after the autumn change

let db: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await openMigratedTestDatabase({ options: '-c TimeZone=Europe/Berlin' }));
});
afterAll(async () => {
  await close?.();
});

const record = (customerId: string, at: number): TouchpointRecord => ({ ...variedRecord(0, at, ['p1']), id: newId(), customerId, needCategory: 'FAULT' });

/** Stores the records in one transaction, as ingestion does; returns the stored ones it turned into repeats. */
async function store(records: TouchpointRecord[]): Promise<string[]> {
  await ensurePartitions(db, partitionsOf(records));
  return db.transaction(async (tx) => {
    const { turned } = await storeTouchpoints(tx, records.map((r) => ({ record: r, contentHash: 'h' })), 'site');
    return turned.map((t) => t.id);
  });
}

describe('the repeat window in a session whose time zone has daylight saving', () => {
  it.each([
    ['167.5 h before, across the spring change: a repeat', SPRING, SPRING - 167.5 * H],
    ['exactly 168 h before, across the spring change: a repeat', SPRING, SPRING - 168 * H],
    ['168.5 h before, across the autumn change: not a repeat', AUTUMN, AUTUMN - 168.5 * H],
    ['exactly 168 h before, across the autumn change: a repeat', AUTUMN, AUTUMN - 168 * H],
  ])('%s, whichever arrives first', async (what, later, earlier) => {
    const [{ zone }] = await db.query<{ zone: string }>(`SELECT current_setting('TimeZone') AS zone`);
    expect(zone).toBe('Europe/Berlin');
    const key = (r: TouchpointRecord): RepeatKey => ({ id: r.id, customerId: r.customerId, needCategory: r.needCategory, occurredAt: r.occurredAt.getTime() });
    const slug = what.replace(/\W+/g, '-');
    // The earlier one stored first (the later one's probe looks back), then the later one first (the earlier one turns it).
    const inOrder = [record(`tz-prev-${slug}`, earlier), record(`tz-prev-${slug}`, later)];
    const late = [record(`tz-next-${slug}`, earlier), record(`tz-next-${slug}`, later)];
    expect(await store([inOrder[0]])).toEqual([]);
    expect(await store([inOrder[1]])).toEqual([]);
    expect(await store([late[1]])).toEqual([]);
    const turns = makesRepeat(key(late[0]), key(late[1]));
    expect(await store([late[0]])).toEqual(turns ? [late[1].id] : []);
    // The stored flags are the rule's over all four.
    const all = [...inOrder, ...late];
    const expected = repeatsAmong(all.map(key));
    const rows = await db.query<{ id: string; repeat: boolean }>(`SELECT id::text, repeat FROM touchpoint WHERE id = ANY($1::uuid[])`, [all.map((r) => r.id)]);
    expect(new Map(rows.map((r) => [r.id, r.repeat]))).toEqual(new Map(all.map((r) => [r.id, expected.has(r.id)])));
    expect(expected.has(inOrder[1].id)).toBe(!what.includes('not a repeat'));
  });
});
