/** @jest-environment jsdom */
import { SLICE_DIMENSIONS } from '@qihe/domain';
import { parseHash } from './hash-route';
import { drillFilterInput, drillFilterOf, sliceFilter, touchpointsHref, withoutField } from './touchpoints-link';

const seven = { preset: '7d', from: '2026-11-24T00:00:00Z', to: '2026-12-01T21:00:00Z' };
const custom = { preset: 'custom', from: '2026-11-24T00:00:00Z', to: '2026-12-01T00:00:00Z' };

describe('touchpointsHref', () => {
  it.each([
    ['a measure part, preset window', 'bu-a', { measure: 'csat', part: 'MISSED' }, seven, '#/unit/bu-a/touchpoints?window=7d&measure=csat&part=MISSED'],
    ['a slice, custom window pinned', 'bu-a', { agentId: 'a 17' }, custom, '#/unit/bu-a/touchpoints?window=custom&from=2026-11-24T00%3A00%3A00Z&to=2026-12-01T00%3A00%3A00Z&agentId=a+17'],
    ['a part without its measure is dropped', 'p/1', { part: 'NUMERATOR', channel: 'PHONE' }, seven, '#/unit/p%2F1/touchpoints?window=7d&channel=PHONE'],
  ])('%s', (_, unitId, filter, w, expected) => {
    expect(touchpointsHref(unitId, filter, w)).toBe(expected);
  });

  it('round-trips through the hash: unit, window and every field come back', () => {
    const filter = { measure: 'fcr', part: 'NUMERATOR', region: 'UNKNOWN', resolved: 'false', maxSatisfaction: '2', customerId: 'C-1&2' };
    const route = parseHash(touchpointsHref('bu-grid', filter, custom));
    expect(route.segments).toEqual(['unit', 'bu-grid', 'touchpoints']);
    expect(route.params.get('from')).toBe(custom.from);
    expect(drillFilterOf(route.params)).toEqual(filter);
  });
});

describe('sliceFilter', () => {
  it('maps every breakdown dimension to a filter field', () => {
    const fields = SLICE_DIMENSIONS.map((d) => Object.keys(sliceFilter(d, 'X') ?? {})[0]);
    expect(new Set(fields).size).toBe(SLICE_DIMENSIONS.length);
    expect(sliceFilter('AGENT', 'a-1')).toEqual({ agentId: 'a-1' });
    expect(sliceFilter('REGION', 'UNKNOWN')).toEqual({ region: 'UNKNOWN' });
  });

  it('has no filter for touchpoints of no perception point', () => {
    expect(sliceFilter('PERCEPTION_POINT', 'UNKNOWN')).toBeNull();
    expect(sliceFilter('PERCEPTION_POINT', 'PP-01')).toEqual({ perceptionPoint: 'PP-01' });
  });
});

describe('drillFilterInput', () => {
  it('types booleans and numbers', () => {
    expect(drillFilterInput({ resolved: 'true', maxSatisfaction: '3', channel: 'CHAT' })).toEqual({ ok: true, filter: { resolved: true, maxSatisfaction: 3, channel: 'CHAT' } });
  });

  it.each([
    [{ resolved: 'yes' }, 'filter.resolved'],
    [{ maxSatisfaction: 'x' }, 'filter.maxSatisfaction'],
    [{ measure: 'csat', part: 'HALF' }, 'filter.part'],
  ])('names the field of a bad value: %j', (f, field) => {
    expect(drillFilterInput(f)).toMatchObject({ ok: false, field });
  });
});

it('removing the measure chip removes its part too', () => {
  expect(withoutField({ measure: 'csat', part: 'MISSED', channel: 'PHONE' }, 'measure')).toEqual({ channel: 'PHONE' });
  expect(withoutField({ measure: 'csat', part: 'MISSED' }, 'part')).toEqual({ measure: 'csat' });
});
