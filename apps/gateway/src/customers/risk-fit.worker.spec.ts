import { Matrix } from 'ml-matrix';
import { DesignMatrix, fit } from './risk-fit.worker';

// The fit's design matrix changes how the library's products are stored, never
// their arithmetic: the weights equal those of ml-matrix's own Matrix to the
// last bit. Why it is cheaper (the 40k-rating fit spent half its time making,
// collecting and reading n-row vectors element by element) is
// pinned below by structure, not by a timing: the bench's risk phase times the
// fit (a CPU comparison here failed on a loaded CI machine, 650 against 621 ms).

function data(n: number, d: number, seed = 7): { x: Float64Array; y: Uint8Array } {
  let s = seed;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  const x = new Float64Array(n * d).map(() => Math.floor(rnd() * 6));
  const y = Uint8Array.from({ length: n }, (_, i) => (x[i * d] + x[i * d + 1] + rnd() * 4 > 6 ? 1 : 0));
  return { x, y };
}

it('gives the weights of the library on its own Matrix, bit for bit', () => {
  const { x, y } = data(3_000, 17);
  const req = { x, y, n: 3_000, d: 17, steps: 40 };
  const mine = fit(req);
  const library = fit(req, Matrix);
  expect(mine).toEqual(library);
  expect(mine.weights.some((w) => w !== 0)).toBe(true);
});

it('transposes the data once, not once a step', () => {
  const m = new DesignMatrix([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  expect(m.transpose()).toBe(m.transpose());
  expect(m.transpose().to2DArray()).toEqual([
    [1, 3, 5],
    [2, 4, 6],
  ]);
  expect(Array.from(m.mmul(Matrix.columnVector([10, 1])).to1DArray())).toEqual([12, 34, 56]);
  expect(m.transpose().mmul(Matrix.columnVector([1, 10, 100])).to1DArray()).toEqual([531, 642]);
});

it("puts ml-matrix's own column vectors back after a fit", () => {
  const { x, y } = data(200, 3);
  const own = Matrix.columnVector;
  fit({ x, y, n: 200, d: 3, steps: 5 });
  expect(Matrix.columnVector).toBe(own);
  expect(Matrix.columnVector([1, 2])).toBeInstanceOf(Matrix);
});

// Correlated features (the risk features are: counts, their shares, the last
// rating and its recency-weighted mean): six noisy copies of one signal and
// a seventh feature that carries a signal of its own. A fixed step of 3/n made
// the weights oscillate (λ of XᵀX/n ≈ 6 here): wrong signs, a likelihood far
// from the optimum.
it('converges on correlated features: the signals weigh positive, the likelihood that of a long fit', () => {
  const n = 2_000;
  const d = 7;
  let s = 3;
  const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  const x = new Float64Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const z = rnd() * 4;
    for (let j = 0; j < 6; j++) x[i * d + j] = z + rnd() * 0.5;
    x[i * d + 6] = rnd() * 4;
    y[i] = z + 0.5 * x[i * d + 6] + rnd() * 10 > 8 ? 1 : 0; // a weak signal, as ratings are
  }
  const { weights } = fit({ x, y, n, d, steps: 150 });
  // The signal's copies together, and the second signal, weigh positive.
  const copies = weights.slice(1, 7).reduce((a, w) => a + w, 0);
  expect({ copies: copies > 0.3, second: weights[7] > 0.1 }).toEqual({ copies: true, second: true });
  // The log-likelihood of 150 steps is within 1 % of 1,500 steps'.
  const ll = (w: number[]): number => {
    const r = fit({ x, y, n, d, steps: 1 });
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let z = w[0];
      for (let j = 0; j < d; j++) z += (w[j + 1] * (x[i * d + j] - r.means[j])) / r.stds[j];
      sum += y[i] ? -Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
    }
    return sum;
  };
  const long = fit({ x, y, n, d, steps: 1_500 }).weights;
  expect(ll(weights) / ll(long)).toBeLessThan(1.01);
});
