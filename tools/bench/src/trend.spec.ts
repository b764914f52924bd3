import { trend } from './trend';

const series = (ys: number[]): { x: number; y: number }[] => ys.map((y, i) => ({ x: i + 1, y }));

describe('trend: flat or growth over the minutes', () => {
  it.each([
    // RSS in MB per minute
    ['steady RSS with noise', [301, 298, 303, 300, 299, 302, 300, 301, 298, 302], 'flat'],
    ['a leak of 8 MB a minute (≈ 24 % over 9 minutes)', [300, 309, 316, 325, 332, 341, 348, 357, 364, 373], 'growth'],
    ['a straight climb', [100, 120, 140, 160], 'growth'],
    ['significant but immaterial: +0.2 MB a minute on 300 MB', [300, 300.2, 300.4, 300.6, 300.8, 301, 301.2, 301.4, 301.6, 301.8], 'flat'],
    ['falling after warm-up', [400, 350, 330, 320, 315, 312], 'flat'],
    ['one spike, then back', [300, 300, 420, 300, 300, 300], 'flat'],
    ['two points', [300, 400], 'too short'],
  ])('%s → %s', (_, ys, verdict) => {
    expect(trend(series(ys)).verdict).toBe(verdict);
  });

  it('reports the slope per minute and the growth it implies over the run', () => {
    // y = 100 + 10x: slope 10 per minute; over the 3 minutes of span, 30 on a mean of 125 = 24 %.
    const t = trend(series([110, 120, 130, 140]));
    expect(t.slope).toBeCloseTo(10, 10);
    expect(t.relativeGrowth).toBeCloseTo(30 / 125, 10);
  });
});
