import { readlinkSync } from 'node:fs';
import { constants, getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import LogisticRegression from 'ml-logistic-regression';
import { EigenvalueDecomposition, Matrix, WrapperMatrix1D, type AbstractMatrix } from 'ml-matrix';

// The risk model's fit, in a worker thread so that ingest and the feed never
// wait on it. Input: n rows of d raw features (row-major) and 0/1 labels.
// Features are standardised on the training rows, a column of ones carries the
// intercept, and ml-logistic-regression's gradient ascent (full batch, fixed
// steps — deterministic: the same rows give the same model) fits the weights.

export interface FitRequest {
  x: Float64Array;
  y: Uint8Array;
  n: number;
  d: number;
  steps: number;
}
export interface FitAnswer {
  means: number[];
  stds: number[];
  /** Intercept first, then one weight per standardised feature. */
  weights: number[];
  /** The fitting thread's scheduling priority (19: the lowest), null where threads have none of their own. */
  threadPriority?: number | null;
}

/**
 * The rows the library's gradient steps run over. Each step it asks for
 * `features.mmul(weights')` (an n × 1 product, which ml-matrix builds as n
 * one-element rows) and `features.transpose()` (a copy of the whole matrix).
 * Here the transpose is made once and the product lands in one flat array; the
 * arithmetic is the library's own, term for term in the same order, so the
 * weights are identical (risk-fit.worker.spec.ts). With the worker's larger
 * young generation (risk-fit.ts) a 100k-rating fit takes less than half the CPU.
 */
export class DesignMatrix extends Matrix {
  private transposed: Matrix | null = null;
  /** The same rows, row-major in one array, for the product. */
  private readonly flat: Float64Array;

  constructor(rows: number[][]) {
    super(rows);
    this.flat = new Float64Array(this.rows * this.columns);
    rows.forEach((r, i) => this.flat.set(r, i * this.columns));
  }

  override transpose(): Matrix {
    this.transposed ??= super.transpose();
    return this.transposed;
  }

  override mmul(other: AbstractMatrix): Matrix {
    if (other.columns !== 1) return super.mmul(other);
    const n = this.rows;
    const d = this.columns;
    const w = new Float64Array(d);
    for (let k = 0; k < d; k++) w[k] = other.get(k, 0);
    const out = new Float64Array(n);
    const x = this.flat;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += x[i * d + k] * w[k];
      out[i] = s;
    }
    // A Matrix by its interface (the library only reads it back with to1DArray).
    return new WrapperMatrix1D(out, { rows: n }) as unknown as Matrix;
  }
}

/**
 * The step of the library's gradient ascent. Its gradient is a sum over rows,
 * and the log-likelihood's curvature is at most ¼ λ, λ the largest eigenvalue
 * of XᵀX/n: a step above 8/(λn) overshoots along that direction and the
 * weights oscillate instead of converging. A fixed 3/n did exactly that once
 * correlated features pushed λ past 2.7 (the nine risk features: λ ≈ 5; the
 * fit ranked worse than its own last-rating feature). 4/(λn) is half the limit:
 * fast along the main direction, stable along all.
 */
export function stableLearningRate(rows: readonly number[][]): number {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0 || d === 0) return 0;
  const g = new Float64Array(d * d);
  for (const r of rows) for (let a = 0; a < d; a++) for (let b = a; b < d; b++) g[a * d + b] += r[a] * r[b];
  const gram = Matrix.from1DArray(d, d, g.map((_, k) => g[Math.min(k % d, Math.floor(k / d)) * d + Math.max(k % d, Math.floor(k / d))] / n));
  const lambda = Math.max(...new EigenvalueDecomposition(gram, { assumeSymmetric: true }).realEigenvalues);
  return 4 / (Math.max(lambda, 1) * n);
}

export function fit(req: FitRequest, Features: new (rows: number[][]) => Matrix = DesignMatrix): FitAnswer {
  const { x, y, n, d } = req;
  const means = new Array<number>(d).fill(0);
  const stds = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) means[j] += x[i * d + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) stds[j] += (x[i * d + j] - means[j]) ** 2 / n;
  for (let j = 0; j < d; j++) stds[j] = Math.sqrt(stds[j]) || 1; // a constant feature keeps weight 0
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = [1];
    for (let j = 0; j < d; j++) row.push((x[i * d + j] - means[j]) / stds[j]);
    rows.push(row);
  }
  const learningRate = stableLearningRate(rows);
  // One two-class classifier (the library trains one per class otherwise).
  const model = LogisticRegression.load({ name: 'LogisticRegression', numSteps: req.steps, learningRate, numberClasses: 1, classifiers: [{ numSteps: req.steps, learningRate, weights: null }] });
  const target = Matrix.columnVector(Array.from(y));
  model.classifiers[0].train(new Features(rows), target);
  const w = model.classifiers[0].weights as Matrix;
  return { means, stds, weights: w.to1DArray() };
}

/**
 * Puts this thread, and only it, at the lowest scheduling priority: a fit is
 * background work and on a busy machine it takes the CPU that ingest, ratings
 * and the feed leave (2–4 s of CPU for 40,000 ratings, measured during the
 * bench's full run, docs/PERFORMANCE.md). Linux gives each thread its own nice
 * value (setpriority on the thread's id, read from /proc/thread-self); elsewhere
 * the fit keeps the process's priority. Raising one's own nice value needs no
 * privilege.
 */
export function lowerThreadPriority(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isSafeInteger(tid) || tid <= 0) return null;
    setPriority(tid, constants.priority.PRIORITY_LOW);
    return getPriority(tid);
  } catch {
    return null;
  }
}

const threadPriority = parentPort ? lowerThreadPriority() : null;

parentPort?.on('message', (req: FitRequest) => {
  try {
    parentPort?.postMessage({ ok: true, answer: { ...fit(req), threadPriority } });
  } catch (err) {
    parentPort?.postMessage({ ok: false, message: (err as Error).message });
  }
});
