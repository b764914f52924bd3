import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANNELS, parseSeed, type Channel } from '@qihe/domain';
import { HANDLE_BOUNDS_SECONDS, HANDLE_MEDIAN_SECONDS, RepeatContacts, type PastContact } from './contact-patterns';
import { TouchpointGenerator } from './generator';

const demo = parseSeed(JSON.parse(readFileSync(join(__dirname, '../../../infra/seed/demo-org.json'), 'utf8')));
const NOW = Date.parse('2026-11-23T08:00:00Z');
const SEVEN_DAYS_MS = 7 * 86_400_000;

// A stream over two days: 40 ticks of 2 000 touchpoints, 72 min apart.
function stream(seed: number, repeatShare?: number): ReturnType<TouchpointGenerator['batch']> {
  const gen = new TouchpointGenerator({ seed, units: demo.units, perceptionPoints: demo.perceptionPoints, repeatShare });
  return Array.from({ length: 40 }, (_, i) => gen.batch(2_000, NOW + i * 72 * 60_000)).flat();
}

describe('contact patterns of the generated stream', () => {
  const all = stream(13).map((g) => g.input);

  /** Touchpoints whose customer had one about the same need less than 7 days before, and of those the ones in another unit. */
  function repeatsOf(list: typeof all): { repeats: number; elsewhere: number } {
    const seen = new Map<string, { unitId: string; ms: number }>();
    let repeats = 0;
    let elsewhere = 0;
    for (const t of [...list].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))) {
      const key = `${t.customerId}|${t.need.category}`;
      const ms = Date.parse(t.occurredAt);
      const before = seen.get(key);
      if (before && ms - before.ms < SEVEN_DAYS_MS) {
        repeats++;
        if (before.unitId !== t.unitId) elsewhere++;
      }
      seen.set(key, { unitId: t.unitId, ms });
    }
    return { repeats, elsewhere };
  }

  it('has customers calling again about the same need within 7 days, some in another unit', () => {
    const { repeats, elsewhere } = repeatsOf(all);
    const none = repeatsOf(stream(13, 0).map((g) => g.input));
    expect(repeats / all.length).toBeLessThan(0.9);
    // The repeat rule adds callers-again over what frequent customers give by chance.
    expect(repeats / all.length).toBeGreaterThan(0.1);
    expect((repeats - none.repeats) / all.length).toBeGreaterThan(0.01);
    expect(elsewhere - none.elsewhere).toBeGreaterThan(0);
    expect(elsewhere / repeats).toBeGreaterThan(0.05);
  });

  it('gives handle times within plausible bounds per channel, with medians near the channel median', () => {
    const byChannel = new Map<Channel, number[]>();
    for (const t of all) if (t.service) byChannel.set(t.channel, [...(byChannel.get(t.channel) ?? []), t.service.handleSeconds]);
    for (const c of CHANNELS) {
      const secs = (byChannel.get(c) ?? []).sort((a, b) => a - b);
      if (secs.length < 50) continue;
      const [lo, hi] = HANDLE_BOUNDS_SECONDS[c];
      expect([c, secs[0] >= lo && secs[secs.length - 1] <= hi]).toEqual([c, true]);
      const median = secs[Math.floor(secs.length / 2)];
      expect([c, median > HANDLE_MEDIAN_SECONDS[c] * 0.7 && median < HANDLE_MEDIAN_SECONDS[c] * 1.6]).toEqual([c, true]);
      expect(new Set(secs).size).toBeGreaterThan(Math.min(100, secs.length / 10)); // spread, not a constant
    }
    expect(byChannel.get('ONSITE')?.length ?? 0).toBeGreaterThan(50);
    const phone = byChannel.get('PHONE') ?? [];
    const onsite = byChannel.get('ONSITE') ?? [];
    expect(phone.reduce((a, b) => a + b, 0) / phone.length).toBeLessThan(onsite.reduce((a, b) => a + b, 0) / onsite.length / 5);
  });

  it('names a perception point of the catalogue for the touchpoint need, covering the catalogue', () => {
    const byCode = new Map(demo.perceptionPoints.map((p) => [p.code, p]));
    const used = new Set<string>();
    for (const t of all) {
      expect(t.perceptionPoint).toBeDefined();
      const p = byCode.get(t.perceptionPoint as string);
      expect(p?.needCategories).toContain(t.need.category);
      used.add(t.perceptionPoint as string);
    }
    expect(used.size).toBe(demo.perceptionPoints.length);
  });

  it('names no perception point without a catalogue', () => {
    const gen = new TouchpointGenerator({ seed: 1, units: demo.units });
    expect(gen.batch(200, NOW).filter((g) => g.input.perceptionPoint !== undefined)).toEqual([]);
  });
});

describe('repeat contacts with a gap (the bench: a customer calls back hours to days later)', () => {
  const HOUR = 3_600_000;
  const contact = (i: number, ms: number): PastContact<number> => ({ customer: i, customerId: `c${i}`, unitId: 'u', need: 'FAULT', occurredMs: ms });

  it('comes within [min, max] after its predecessor, for `share` of the contacts, and never before it is due', () => {
    const repeats = new RepeatContacts<number>('gap', { share: 0.15, gapMs: [HOUR, 48 * HOUR] });
    const t0 = Date.parse('2026-12-01T00:00:00Z');
    for (let i = 0; i < 10_000; i++) repeats.remember(contact(i, t0 + i * 1000)); // 10,000 contacts over 2.8 h
    expect(repeats.draw(t0 + HOUR - 1, ['u'])).toBeNull(); // the first is due an hour after it at the earliest
    const gaps: number[] = [];
    for (let now = t0 + HOUR; now <= t0 + 60 * HOUR; now += 60_000) {
      for (let r = repeats.draw(now, ['u']); r; r = repeats.draw(now, ['u'])) gaps.push(now - r.past.occurredMs);
    }
    expect(gaps.length).toBeGreaterThan(1_350); // 15 % of 10,000, ± 3 σ
    expect(gaps.length).toBeLessThan(1_650);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(HOUR);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(48 * HOUR + 60_000); // due ≤ 48 h, drawn at the next minute
    // log-uniform: as many within 1..6.9 h as within 6.9..48 h
    const within = gaps.filter((g) => g < Math.sqrt(48) * HOUR).length;
    expect(Math.abs(within / gaps.length - 0.5)).toBeLessThan(0.05);
  });

  it('draws a fresh contact another need when the customer contacted about this one within 7 days (no repeat seconds later)', () => {
    const repeats = new RepeatContacts<number>('fresh', { gapMs: [HOUR, 48 * HOUR] });
    const t0 = Date.parse('2026-12-01T00:00:00Z');
    const mix = { FAULT: 5, BILLING: 1, COMPLAINT: 0 } as const;
    repeats.remember(contact(1, t0));
    expect(repeats.freshNeed('c1', 'FAULT', t0 + 1000, mix)).toBe('BILLING'); // the only other need of the mix
    expect(repeats.freshNeed('c2', 'FAULT', t0 + 1000, mix)).toBe('FAULT'); // another customer
    expect(repeats.freshNeed('c1', 'FAULT', t0 + 8 * 24 * HOUR, mix)).toBe('FAULT'); // a week later: no repeat
    repeats.remember({ ...contact(1, t0), need: 'BILLING' });
    expect(repeats.freshNeed('c1', 'FAULT', t0 + 1000, mix)).toBe('FAULT'); // nothing else open: kept
    expect(repeats.redrawn).toBe(1);
    expect(new RepeatContacts<number>('demo').freshNeed('c1', 'FAULT', t0, mix)).toBe('FAULT'); // without a gap: as drawn
  });

  it('refuses a gap beyond the 7-day window', () => {
    expect(() => new RepeatContacts('x', { gapMs: [HOUR, 8 * 24 * HOUR] })).toThrow(/gapMs/);
  });
});
