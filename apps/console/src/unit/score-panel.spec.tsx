/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { initI18n } from '../i18n/i18n';
import type { EngagementScoreData } from './gateway-api';
import { MeasuresTable } from './measures-table';
import { ScorePanel } from './score-panel';
import { ScoresTable } from './scores-table';

beforeAll(() => {
  initI18n('en');
});

// The worked example of ENGAGEMENT-MODEL.md, as engagementScore returns it (unrounded).
const workedExample: EngagementScoreData = {
  unit: { id: 'bu-a', name: 'Unit A', level: 'BUSINESS_UNIT' },
  from: '2026-11-23T08:00:00.000Z',
  to: '2026-11-23T09:00:00.000Z',
  touchpoints: 4,
  overall: 54.270833333333336,
  modelVersion: 'qihe-default@1',
  chains: [
    {
      chain: 'VALUE',
      score: 66.25,
      measures: [
        { key: 'csat', chain: 'VALUE', numerator: 5, denominator: 8, value: 0.625, normalized: 0.625, weight: 0.5 },
        { key: 'winWin', chain: 'VALUE', numerator: 1, denominator: 2, value: 0.5, normalized: 0.5, weight: 0.3 },
        { key: 'growth', chain: 'VALUE', numerator: 1, denominator: 4, value: 0.25, normalized: 1, weight: 0.2 },
      ],
    },
    {
      chain: 'BUSINESS',
      score: 66.66666666666667,
      measures: [
        { key: 'resolution', chain: 'BUSINESS', numerator: 2, denominator: 3, value: 0.6666666666666666, normalized: 0.6666666666666666, weight: 0.4 },
        { key: 'commitmentKept', chain: 'BUSINESS', numerator: 0, denominator: 0, value: null, normalized: null, weight: 0.3 },
        { key: 'collaboration', chain: 'BUSINESS', numerator: 0, denominator: 0, value: null, normalized: null, weight: 0.3 },
      ],
    },
    { chain: 'KNOWLEDGE', score: 26.666666666666668, measures: [] },
    { chain: 'DATA', score: 57.49999999999999, measures: [] },
  ],
};

describe('ScorePanel', () => {
  it('shows the overall and the four chain scores as returned, to one decimal', () => {
    render(<ScorePanel score={workedExample} />);
    expect(screen.getByTestId('overall-score').textContent).toBe('54.3');
    expect(screen.getByTestId('chain-score-VALUE').textContent).toBe('66.3');
    expect(screen.getByTestId('chain-score-BUSINESS').textContent).toBe('66.7');
    expect(screen.getByTestId('chain-score-KNOWLEDGE').textContent).toBe('26.7');
    expect(screen.getByTestId('chain-score-DATA').textContent).toBe('57.5');
    expect(screen.getByTestId('score-panel').textContent).toContain('4 touchpoints');
  });

  it('shows an absent score as an em dash, never as 0', () => {
    const empty: EngagementScoreData = {
      ...workedExample,
      touchpoints: 0,
      overall: null,
      chains: workedExample.chains.map((c) => ({ chain: c.chain, score: null, measures: [] })),
    };
    render(<ScorePanel score={empty} />);
    expect(screen.getByTestId('overall-score').textContent).toBe('—');
    for (const c of ['VALUE', 'BUSINESS', 'KNOWLEDGE', 'DATA']) expect(screen.getByTestId(`chain-score-${c}`).textContent).toBe('—');
  });
});

describe('MeasuresTable', () => {
  it("lists a chain's measures with numerator and denominator; absent ones show —", () => {
    render(<MeasuresTable chain={workedExample.chains[1]} />);
    expect(screen.getByTestId('measure-resolution-numerator').textContent).toBe('2');
    expect(screen.getByTestId('measure-resolution-denominator').textContent).toBe('3');
    expect(screen.getByTestId('measure-resolution-value').textContent).toBe('0.667');
    expect(screen.getByTestId('measure-commitmentKept-denominator').textContent).toBe('0');
    expect(screen.getByTestId('measure-commitmentKept-value').textContent).toBe('—');
    expect(within(screen.getByTestId('measures-BUSINESS')).getByRole('heading').textContent).toContain('66.7');
  });

  it('shows summed numerators as returned (csat is a sum of score − 1)', () => {
    render(<MeasuresTable chain={workedExample.chains[0]} />);
    expect(screen.getByTestId('measure-csat-numerator').textContent).toBe('5');
    expect(screen.getByTestId('measure-csat-denominator').textContent).toBe('8');
    expect(screen.getByTestId('measure-csat-value').textContent).toBe('0.625');
  });

  it("links csat's parts by what they list (rated 4–5, rated = denominator ÷ 4, rated 1–3), never as the point sum; counts stay links of their number", () => {
    const hrefOf = (m: string, part: string): string => `#/x?measure=${m}&part=${part}`;
    render(<MeasuresTable chain={workedExample.chains[0]} hrefOf={hrefOf} />);
    expect(screen.getByTestId('measure-csat-numerator').textContent).toBe('5');
    expect(screen.getByTestId('measure-csat-numerator-link').textContent).toBe('rated 4–5 →');
    expect(screen.getByTestId('measure-csat-denominator').textContent).toBe('8');
    // Two rated touchpoints give 8 points of denominator: the link lists those two.
    expect(screen.getByTestId('measure-csat-denominator-link').textContent).toBe('2 rated →');
    expect(screen.getByTestId('measure-csat-missed-link').textContent).toBe('rated 1–3 →');
    expect(screen.getByTestId('measure-csat-numerator-link').getAttribute('href')).toBe('#/x?measure=csat&part=NUMERATOR');
    // A count measure's number is its link: the list holds that many.
    expect(screen.getByTestId('measure-winWin-numerator-link').textContent).toBe('1');
  });
});

describe('ScoresTable', () => {
  it('ranks units by their overall score, absent scores last and unranked', () => {
    const row = (id: string, overall: number | null) => ({
      key: id,
      label: id,
      score: { ...workedExample, unit: { id, name: id }, overall, chains: workedExample.chains.map((c) => ({ chain: c.chain, score: overall })) },
    });
    render(<ScoresTable ranked testId="children" rows={[row('b', 61.04), row('none', null), row('a', 72.96)]} />);
    const rows = screen.getAllByTestId('children-row').map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['1', 'a'],
      ['2', 'b'],
      ['—', 'none'],
    ]);
    expect(rows[0][3]).toBe('73.0');
    expect(rows[2][3]).toBe('—');
  });
});
