import { createHash } from 'node:crypto';
import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { auc, lastRatingScore, precisionAt, predictRisk, RISK_FEATURES, splitByTime, type RiskModel, type RiskSample } from '@qihe/domain';
import type { FitAnswer, FitRequest } from './risk-fit.worker';

/**
 * Gradient steps of a fit. On standardised features 150 steps of 4/(λn)
 * (risk-fit.worker.ts) rank the hold-out as 1,000 steps do (AUC within
 * 0.001 on the bench's traffic, tools/bench/src/risk-ceiling.ts).
 */
export const FIT_STEPS = 150;

const YOUNG_GENERATION_MB = 96;
const WORKER = join(__dirname, `risk-fit.worker${extname(__filename)}`);

// Built code runs the worker's .js; from sources (tests) the worker's
// TypeScript is compiled on load with the swc the tests already use.
const TS_BOOTSTRAP = `
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');
const file = ${JSON.stringify(WORKER)};
const m = new Module(file, module);
m.filename = file;
m.paths = Module._nodeModulePaths(${JSON.stringify(dirname(WORKER))});
const out = transformSync(readFileSync(file, 'utf8'), { filename: file, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
m._compile(out.code, file);
`;

/** Runs one fit in a worker thread; the event loop only waits for its answer. */
export function fitInWorker(req: FitRequest): Promise<FitAnswer> {
  // A young generation of 96 MB: each gradient step allocates n-row vectors, and
  // with the default (16 MB) scavenges copied them over and over (GC was half the fit).
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  const worker = WORKER.endsWith('.ts') ? new Worker(TS_BOOTSTRAP, { eval: true, resourceLimits }) : new Worker(WORKER, { resourceLimits });
  return new Promise<FitAnswer>((resolve, reject) => {
    worker.once('message', (m: { ok: true; answer: FitAnswer } | { ok: false; message: string }) => (m.ok ? resolve(m.answer) : reject(new Error(m.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the risk fit's worker stopped (exit code ${code})`)));
    worker.postMessage(req, [req.x.buffer as ArrayBuffer, req.y.buffer as ArrayBuffer]);
  }).finally(() => void worker.terminate());
}

/**
 * Fits the model on the earlier 80 % of the ratings and measures it on the
 * latest 20 % (AUC, precision@50, and precision@50 of ranking by the last
 * rating alone). The model served is the one measured.
 */
export async function fitRiskModel(samples: RiskSample[], ratingsAtFit: number, now: number): Promise<RiskModel> {
  const { train, holdout } = splitByTime(samples);
  const d = RISK_FEATURES.length;
  const x = new Float64Array(train.length * d);
  train.forEach((s, i) => x.set(s.x, i * d));
  const y = Uint8Array.from(train.map((s) => s.y));
  const { means, stds, weights } = await fitInWorker({ x, y, n: train.length, d, steps: FIT_STEPS });
  // Back to raw units: w_j / σ_j per feature; the intercept is the log-odds at the means.
  const coefficients = means.map((_, j) => weights[j + 1] / stds[j]);
  const base = { features: [...RISK_FEATURES], means, coefficients, intercept: weights[0] };
  const scores = holdout.map((s) => predictRisk(base, s.x).probability);
  const labels = holdout.map((s) => s.y);
  const version = `risk-${createHash('sha256').update(JSON.stringify([base.coefficients, base.means, base.intercept, train.length])).digest('hex').slice(0, 12)}`;
  return {
    ...base,
    version,
    trainedAt: now,
    trainingRatings: train.length,
    holdoutRatings: holdout.length,
    auc: auc(scores, labels),
    precisionAt50: precisionAt(50, scores, labels),
    baselinePrecisionAt50: precisionAt(50, holdout.map((s) => lastRatingScore(s.x)), labels),
    ratingsAtFit,
  };
}
