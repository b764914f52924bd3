import { fmtDelta, fmtIndicator, parseTarget, targetText, trendOf } from './indicator-format';

// An indicator shown in its own unit, and a target typed in that unit sent as the API holds it.

describe('indicator display', () => {
  it.each([
    [0.6, 'ratio', '60.0%'],
    [0.12345, 'ratio', '12.3%'],
    [480.4, 'seconds', '480 s'],
    [47.68, 'score', '47.7'],
    [null, 'ratio', '—'],
  ] as const)('%p %s → %s', (v, unit, shown) => expect(fmtIndicator(v, unit)).toBe(shown));

  it.each([
    [0.6, 0.611, 'ratio', '−1.1 pp'],
    [480, 440, 'seconds', '+40 s'],
    [47.7, 47.7, 'score', '±0.0'],
    [0.5, null, 'ratio', '—'],
  ] as const)('%p after %p (%s) → %s', (now, before, unit, shown) => expect(fmtDelta(now, before, unit)).toBe(shown));

  it.each([
    [0.6, 0.5, true, 'better'],
    [480, 440, false, 'worse'],
    [1, 1, true, 'same'],
    [null, 1, true, null],
  ] as const)('%p after %p (higher is better: %p) → %p', (now, before, higher, trend) => expect(trendOf(now, before, higher)).toBe(trend));
});

describe('typed targets', () => {
  it.each([
    ['95', 'ratio', 0.95],
    ['95 %', 'ratio', 0.95],
    ['720', 'seconds', 720],
    ['70.5', 'score', 70.5],
    ['1e12', 'ratio', 1e10], // a number: the gateway judges its size and names the field
    ['lots', 'ratio', null],
    ['', 'seconds', null],
  ] as const)('%p (%s) → %p', (text, unit, value) => expect(parseTarget(text, unit)).toBe(value));

  it('shows a ratio target back as the percentage it was typed as', () => {
    expect(targetText(0.95, 'ratio')).toBe('95');
    expect(parseTarget(targetText(0.075, 'ratio'), 'ratio')).toBe(0.075);
    expect(targetText(720, 'seconds')).toBe('720');
  });
});
