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
 * The rows the library's gradient steps run over. Each step, ml-logistic-
 * regression asks for `features.mmul(weights')`, reads it back with
 * `to1DArray()`, makes the error signal with `Matrix.columnVector` and takes
 * `features.transpose().mmul(signal)`. ml-matrix's Matrix stores an n × 1
 * vector as n one-element rows, and its products read every element through
 * get(): at n = 40,000 those allocations, their collection and the calls were
 * 1.6 of a 3.1 s fit. Here the data stays row-major in one array: the product
 * with the weights lands in one flat array, the transpose is copied once and
 * its product with a column sums each feature over the rows in row order, and
 * the column vectors are one array each (withFlatColumnVectors, for the fit
 * only): 1.1 s. The arithmetic is the library's own, term for term in the same
 * order, so the weights are identical to the bit (risk-fit.worker.spec.ts).
 */
export class DesignMatrix extends Matrix {
  private transposed: Matrix | null = null;
  /** The same rows, row-major in one array, for the products. */
  readonly flat: Float64Array;

  constructor(rows: number[][]) {
    super(rows);
    this.flat = new Float64Array(this.rows * this.columns);
    rows.forEach((r, i) => this.flat.set(r, i * this.columns));
  }

  override transpose(): Matrix {
    this.transposed ??= new TransposedDesign(this) as unknown as Matrix;
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
    return flatColumn(out);
  }
}

/** Xᵀ of a DesignMatrix, made once: its product with a column sums each feature over the rows, in row order. */
class TransposedDesign extends WrapperMatrix1D {
  private readonly t: Float64Array;

  constructor(of: DesignMatrix) {
    const n = of.rows;
    const d = of.columns;
    const t = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) t[k * n + i] = of.flat[i * d + k];
    super(t, { rows: d });
    this.t = t;
  }

  override mmul(other: AbstractMatrix): Matrix {
    if (other.columns !== 1 || other.rows !== this.columns) return super.mmul(other);
    const n = this.columns;
    const e = other instanceof FlatColumn ? other.array : Float64Array.from({ length: n }, (_, i) => other.get(i, 0));
    const sums: number[] = [];
    for (let k = 0; k < this.rows; k++) {
      let s = 0;
      for (let i = 0, at = k * n; i < n; i++) s += this.t[at + i] * e[i];
      sums.push(s);
    }
    return Matrix.columnVector(sums);
  }
}

/** A column vector in one array; to1DArray answers that array (the library only indexes it). */
class FlatColumn extends WrapperMatrix1D {
  constructor(readonly array: Float64Array) {
    super(array, { rows: array.length });
  }

  override to1DArray(): number[] {
    return this.array as unknown as number[];
  }
}

const flatColumn = (values: Float64Array): Matrix => new FlatColumn(values) as unknown as Matrix;

/**
 * Runs `train` with ml-matrix's `Matrix.columnVector` making one-array column
 * vectors (the library makes its error signal with it every step), and puts
 * the library's own back after, whatever happens. The fit runs alone in its
 * worker thread and synchronously, so nothing else sees the swap.
 */
function withFlatColumnVectors<T>(train: () => T): T {
  const own = Object.getOwnPropertyDescriptor(Matrix, 'columnVector');
  Object.defineProperty(Matrix, 'columnVector', { configurable: true, writable: true, value: (data: ArrayLike<number>) => flatColumn(Float64Array.from(data)) });
  try {
    return train();
  } finally {
    // ml-matrix defines it on AbstractMatrix: Matrix inherits it, and does again once this is gone.
    if (own) Object.defineProperty(Matrix, 'columnVector', own);
    else delete (Matrix as { columnVector?: unknown }).columnVector;
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
  const train = (): void => model.classifiers[0].train(new Features(rows), Matrix.columnVector(Array.from(y)));
  if (Features === DesignMatrix) withFlatColumnVectors(train);
  else train();
  const w = model.classifiers[0].weights as Matrix;
  return { means, stds, weights: w.to1DArray() };
}

/**
 * Puts this thread, and only it, at the lowest scheduling priority: a fit is
 * background work and on a busy machine it takes the CPU that ingest, ratings
 * and the feed leave (about a second of CPU for 40,000 ratings, 2.6 s for
 * 100,000, docs/PERFORMANCE.md). Linux gives each thread its own nice
 * value (setpriority on the thread's id, read from /proc/thread-self); elsewhere
 * the fit keeps the process's priority. Raising one's own nice value needs no
 * privilege.
 */
function lowerThreadPriority(): number | null {
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
