import { countTouchpoint, sumCounters, zeroCounters, type Counters, type TouchpointFacts } from './counters';
import { DEFAULT_MODEL, ModelDefinitionError, parseEngagementModel } from './engagement-model';
import { DEFAULT_TYPE_MEASURES, scoreEngagementTypes, type EngagementTypeResult } from './engagement-types';
import { ENGAGEMENT_TYPES, type Channel, type NeedCategory } from './vocabulary';

const T0 = Date.UTC(2024, 0, 1, 10);

// The worked example of ENGAGEMENT-MODEL.md with a channel and a repeat flag
// each: 1 WEB, 2 PHONE (a repeat), 3 APP, 4 PHONE.
const row = (
  need: NeedCategory,
  channel: Channel,
  repeat: boolean,
  service: { resolved: boolean; firstContact: boolean; refs: number } | null,
  score: number | null,
  linked: boolean,
): TouchpointFacts => ({
  needCategory: need,
  channel,
  repeat,
  service: service && { handleSeconds: 300, resolved: service.resolved, firstContact: service.firstContact, knowledgeRefs: service.refs, knowledgeCreated: false, handoff: false, commitmentMet: null },
  score,
  linked,
  occurredAt: T0,
  receivedAt: T0 + 60_000,
});
const EXAMPLE = [
  row('FAULT', 'WEB', false, { resolved: true, firstContact: true, refs: 1 }, 5, true),
  row('COMPLAINT', 'PHONE', true, { resolved: false, firstContact: false, refs: 0 }, 2, false),
  row('PURCHASE', 'APP', false, { resolved: true, firstContact: false, refs: 0 }, null, true),
  row('CONSULTATION', 'PHONE', false, null, null, false),
];
const counters = (): Counters => sumCounters(EXAMPLE.map(countTouchpoint));
const scoreOf = (r: EngagementTypeResult[], type: string): number | null => r.find((x) => x.type === type)?.score ?? null;

describe('scoreEngagementTypes (MANAGEMENT-MODEL.md §6)', () => {
  // N=4, S=3, R=2, |S∩R|=2, Σ(score−1)=5, delighted=1, complaints=1, repeats=1, self-service=2, linked=2.
  it.each([
    // selfService 2/4=0.5→1 (w .3), repeatFree 3/4 (w .4), closedLoop 2/4 (w .3): 100·(.3 + .3 + .15)
    ['BEHAVIOURAL', 75],
    // csat 5/8 (w .5), delight 1/2→1 (w .25), complaintFree 3/4 (w .25): 100·(.3125 + .25 + .1875)
    ['EMOTIONAL', 75],
    // winWin 1/2 (w .4), growth 1/4→1 (w .3), resolution 2/3 (w .3): 100·(.2 + .3 + .2)
    ['WIN_WIN', 70],
    // linkage 2/4 (w .3), renewal 0 (w .3), collaboration absent, knowledgeCapture 0/3 (w .2): 100·.15/.8
    ['STRATEGIC', 18.75],
  ])('%s scores %d on the worked example', (type, expected) => {
    expect(scoreOf(scoreEngagementTypes(counters(), DEFAULT_MODEL), type)).toBeCloseTo(expected, 9);
  });

  it('returns the four types in order, each measure with its numerator and denominator', () => {
    const r = scoreEngagementTypes(counters(), DEFAULT_MODEL);
    expect(r.map((x) => x.type)).toEqual([...ENGAGEMENT_TYPES]);
    const repeatFree = r[0].measures.find((m) => m.key === 'repeatFree');
    expect(repeatFree).toMatchObject({ numerator: 3, denominator: 4, value: 0.75, normalized: 0.75, weight: 0.4 });
    const collaboration = r[3].measures.find((m) => m.key === 'collaboration');
    expect(collaboration).toMatchObject({ numerator: 0, denominator: 0, value: null, normalized: null });
  });

  it('scores nothing (null) when there are no touchpoints', () => {
    expect(scoreEngagementTypes(zeroCounters(), DEFAULT_MODEL).map((x) => x.score)).toEqual([null, null, null, null]);
  });

  it('is the table of §6: 13 measures, every type weighted to 1', () => {
    expect(DEFAULT_TYPE_MEASURES).toHaveLength(13);
    for (const type of ENGAGEMENT_TYPES) {
      const w = DEFAULT_TYPE_MEASURES.filter((m) => m.type === type).reduce((s, m) => s + m.weight, 0);
      expect(w).toBeCloseTo(1, 12);
    }
  });
});

describe('types in a model file', () => {
  const base = { version: 'custom@2', chainWeights: DEFAULT_MODEL.chainWeights, measures: DEFAULT_MODEL.measures };
  const types = [
    { type: 'BEHAVIOURAL', key: 'loop', measure: 'closedLoop', target: 1, weight: 1 },
    { type: 'EMOTIONAL', key: 'happy', chain: 'VALUE', numerator: { counter: 'delighted' }, denominator: [{ counter: 'rated' }], target: 1, weight: 1 },
    { type: 'WIN_WIN', key: 'noRepeat', chain: 'BUSINESS', numerator: [{ counter: 'touchpoints' }, { counter: 'repeats', factor: -1 }], denominator: { counter: 'touchpoints' }, target: 1, weight: 2 },
    { type: 'STRATEGIC', key: 'renewal', chain: 'VALUE', numerator: { counter: 'renewals' }, denominator: { counter: 'touchpoints' }, target: 0.5, weight: 1 },
  ];

  it('loads its own types (a measure of the model by name, or counters with factors) and versions them with the model', () => {
    const model = parseEngagementModel({ ...base, types });
    expect(model.version).toBe('custom@2');
    const r = scoreEngagementTypes(counters(), model);
    expect(r.map((x) => x.score)).toEqual([50, 50, 75, 0]); // closedLoop 2/4, delight 1/2, (4−1)/4, 0
    expect(r[0].measures[0]).toMatchObject({ key: 'loop', chain: 'DATA', numerator: 2, denominator: 4 });
  });

  it('keeps the default types when a file has none', () => {
    expect(parseEngagementModel(base).types).toEqual(DEFAULT_TYPE_MEASURES);
  });

  it.each([
    [[{ ...types[0], type: 'LOYAL' }, ...types.slice(1)], /types\[0\]\.type must be one of/],
    [[{ ...types[0], measure: 'nope' }, ...types.slice(1)], /types\[0\]\.measure "nope" is not a measure/],
    [[types[0], { ...types[1], numerator: { counter: 'smiles' } }, ...types.slice(2)], /types\[1\]\.numerator\[0\]\.counter must be one of/],
    [[types[0], types[1], { ...types[2], numerator: [{ counter: 'repeats', factor: 0 }] }, types[3]], /types\[2\]\.numerator\[0\]\.factor/],
    [[types[0], types[1], types[2], { ...types[3], target: 0 }], /types\[3\]\.target must be greater than its floor/],
    [types.slice(0, 3), /"types" has no measure of STRATEGIC/],
    [[...types, types[3]], /types\[4\]: STRATEGIC has "renewal" twice/],
  ])('refuses a bad entry, naming it (%#)', (bad, message) => {
    expect(() => parseEngagementModel({ ...base, types: bad })).toThrow(ModelDefinitionError);
    expect(() => parseEngagementModel({ ...base, types: bad })).toThrow(message);
  });
});
