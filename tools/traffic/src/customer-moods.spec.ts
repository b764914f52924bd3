import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auc, parseSeed } from '@qihe/domain';
import type { Mood } from './customer-moods';
import { TouchpointGenerator } from './generator';

// The hidden state must show (issue 14): over half a year of generated traffic,
// an oracle that knows each rated contact's mood ranks low ratings well, the
// mood one contact before still does (states persist), and an honest signal —
// was the customer's previous contact left unresolved? — carries part of it.

const demo = parseSeed(JSON.parse(readFileSync(join(__dirname, '../../../infra/seed/demo-org.json'), 'utf8')));
const DAY = 86_400_000;
const RANK: Record<Mood, number> = { CONTENT: 0, RECOVERING: 1, FRUSTRATED: 2 };

it('frustration shows in the ratings, persists from contact to contact, and follows bad contacts', () => {
  const projects = demo.units.filter((u) => u.level === 'PROJECT').map((u) => u.id).slice(0, 6);
  const g = new TouchpointGenerator({ seed: 'moods-spec', units: demo.units, activeUnitIds: projects, lateRatingRatio: 0.5 });
  const start = Date.parse('2026-05-01T00:00:00Z');
  const n = 40_000;
  const last = new Map<string, { mood: Mood; unresolved: boolean | null }>();
  const now: number[] = [];
  const before: number[] = [];
  const badBefore: number[] = [];
  const low: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = g.next(start + (i / n) * 180 * DAY);
    const c = t.input.customerId;
    const mood = t.mood as Mood;
    const score = t.input.satisfaction?.score ?? t.lateRating?.satisfaction.score;
    const prev = last.get(c);
    if (score !== undefined && prev) {
      now.push(RANK[mood]);
      before.push(RANK[prev.mood]);
      badBefore.push(prev.unresolved ? 1 : 0);
      low.push(score <= 2 ? 1 : 0);
    }
    last.set(c, { mood, unresolved: t.input.service ? !t.input.service.resolved : (prev?.unresolved ?? null) });
  }
  const figures = { moodNow: auc(now, low) as number, moodBefore: auc(before, low) as number, unresolvedBefore: auc(badBefore, low) as number };
  // (deterministic: one seed; the old per-contact moods gave 0.657, 0.600 and 0.541 here)
  const met = { moodNow: figures.moodNow > 0.69, moodBefore: figures.moodBefore > 0.63, unresolvedBefore: figures.unresolvedBefore > 0.58 };
  expect({ met, figures }).toEqual({ met: { moodNow: true, moodBefore: true, unresolvedBefore: true }, figures });
}, 60_000);
