import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import LogisticRegression from 'ml-logistic-regression';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { RISK_FEATURES, auc, lastRatingScore, precisionAt, riskFeaturesAt, sortHistory, splitByTime, type RiskPromise, type RiskSample, type RiskTouchpoint } from '@qihe/domain';
import type { Mood } from '../../traffic/src/customer-moods';
import { benchOrg } from './org';
import { riskTraffic } from './risk';

// How much a seed's risk traffic lets a model learn, without a database: the
// risk phase's own traffic (riskTraffic), each rated touchpoint with the
// features the gateway computes (riskFeaturesAt, as of just before it), and
// the hidden mood the generator drew. Prints, on the latest 20 % by time:
// an oracle that knows the mood at the rated contact (the ceiling), the same
// oracle one contact earlier (what an honest history can at best tell), the
// model fitted on the earlier 80 % (the fit's library and steps) and the
// last-rating baseline.
//
//   node dist/tools/bench/src/risk-ceiling.js --ratings 100000 [--seed S ...] [--features 9] [--steps 150] [--per-feature]
//
// Without --seed it draws one from the clock (bench-risk-<ms>, printed), as the bench's risk phase does.

const MOOD_RANK: Record<Mood, number> = { CONTENT: 0, RECOVERING: 1, FRUSTRATED: 2 };

interface Rated extends RiskSample {
  mood: Mood;
  before: Mood | null;
}

function samplesOf(rngSeed: string, ratings: number): { samples: Rated[]; customers: number; touchpoints: number } {
  const org = benchOrg(mkdtempSync(join(tmpdir(), 'risk-ceiling-')));
  const histories = new Map<string, (RiskTouchpoint & { mood: Mood })[]>();
  const promises = new Map<string, RiskPromise[]>();
  let touchpoints = 0;
  for (const { g } of riskTraffic(org.seed, rngSeed, ratings)) {
    const i = g.input;
    const score = i.satisfaction?.score ?? g.lateRating?.satisfaction.score ?? null;
    const list = histories.get(i.customerId) ?? [];
    list.push({ id: i.id, occurredAt: Date.parse(i.occurredAt), needCategory: i.need.category, served: !!i.service, resolved: i.service ? i.service.resolved : null, handoff: !!i.service?.handoffUnitId, score, mood: g.mood ?? 'CONTENT' });
    histories.set(i.customerId, list);
    touchpoints++;
  }
  const samples: Rated[] = [];
  for (const [c, h] of histories) {
    sortHistory(h);
    const p = promises.get(c) ?? [];
    h.forEach((t, k) => {
      if (t.score === null) return;
      samples.push({ id: t.id, at: t.occurredAt, x: riskFeaturesAt(h, p, t.occurredAt), y: t.score <= 2 ? 1 : 0, mood: t.mood, before: k > 0 ? h[k - 1].mood : null });
    });
  }
  return { samples, customers: histories.size, touchpoints };
}

/** The fit the gateway's worker runs (standardised features, 150 full-batch steps of 3/n), on the library's own Matrix. */
function fitScores(train: RiskSample[], test: RiskSample[], steps: number): number[] {
  const d = train[0].x.length;
  const n = train.length;
  const means = new Array<number>(d).fill(0);
  const stds = new Array<number>(d).fill(0);
  for (const s of train) s.x.forEach((v, j) => (means[j] += v / n));
  for (const s of train) s.x.forEach((v, j) => (stds[j] += (v - means[j]) ** 2 / n));
  for (let j = 0; j < d; j++) stds[j] = Math.sqrt(stds[j]) || 1;
  const row = (x: number[]): number[] => [1, ...x.map((v, j) => (v - means[j]) / stds[j])];
  const X = new Matrix(train.map((s) => row(s.x)));
  const gram = X.transpose().mmul(X).div(n);
  const lmax = Math.max(...new EigenvalueDecomposition(gram, { assumeSymmetric: true }).realEigenvalues);
  const lr = 4 / (lmax * n); // the gateway's step (risk-fit.worker.ts stableLearningRate)
  const model = LogisticRegression.load({ name: 'LogisticRegression', numSteps: steps, learningRate: lr, numberClasses: 1, classifiers: [{ numSteps: steps, learningRate: lr, weights: null }] });
  model.classifiers[0].train(X, Matrix.columnVector(train.map((s) => s.y)));
  const w = (model.classifiers[0].weights as Matrix).to1DArray();
  return test.map((s) => row(s.x).reduce((z, v, j) => z + v * w[j], 0));
}

const r3 = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));

function main(): void {
  const { values } = parseArgs({
    options: {
      ratings: { type: 'string', default: '100000' },
      seed: { type: 'string', multiple: true },
      steps: { type: 'string', default: '150' },
      // --features 9: only the first nine (the features before 2 December), to compare
      features: { type: 'string' },
      'per-feature': { type: 'boolean', default: false },
    },
  });
  const seeds = values.seed?.length ? values.seed : [`bench-risk-${Date.now()}`];
  for (const seed of seeds) {
    const { samples, customers, touchpoints } = samplesOf(seed, Number(values.ratings));
    const first = Number(values.features ?? RISK_FEATURES.length);
    for (const s of samples) s.x = s.x.slice(0, first);
    const { train, holdout } = splitByTime(samples);
    const h = holdout as Rated[];
    const y = h.map((s) => s.y);
    const low = (m: Mood): string => {
      const of = samples.filter((s) => s.mood === m);
      return `${m.toLowerCase()} ${((100 * of.length) / samples.length).toFixed(0)} % of ratings, ${((100 * of.filter((s) => s.y).length) / Math.max(1, of.length)).toFixed(0)} % low`;
    };
    const model = fitScores(train, holdout, Number(values.steps));
    const oracle = h.map((s) => MOOD_RANK[s.mood]);
    const before = h.map((s) => (s.before === null ? 0.5 : MOOD_RANK[s.before]));
    const base = h.map((s) => lastRatingScore(s.x));
    console.log(`${seed}: ${touchpoints} touchpoints, ${customers} customers, ${samples.length} ratings (${((100 * samples.filter((s) => s.y).length) / samples.length).toFixed(1)} % low); ${low('CONTENT')}; ${low('FRUSTRATED')}; ${low('RECOVERING')}`);
    console.log(`  hold-out ${h.length}: AUC oracle (mood now) ${r3(auc(oracle, y))}, oracle (mood one contact before) ${r3(auc(before, y))}, model ${r3(auc(model, y))}, last rating ${r3(auc(base, y))}`);
    if (values['per-feature']) console.log('  per-feature AUC', RISK_FEATURES.slice(0, first).map((f, j) => `${f} ${r3(auc(h.map((s) => s.x[j]), y))}`).join(', '));
    console.log(`  precision@50: oracle ${r3(precisionAt(50, oracle, y))}, model ${r3(precisionAt(50, model, y))}, last rating ${r3(precisionAt(50, base, y))}; precision@500: model ${r3(precisionAt(500, model, y))}, last rating ${r3(precisionAt(500, base, y))}`);
  }
}

main();
