import { fmt } from './stats';

// The console table: one line per figure with how it was produced, and each
// target with met / missed and by how much.

export interface Row {
  figure: string;
  value: string;
  how: string;
  target?: string;
  met?: boolean | null;
}

export interface Target {
  name: string;
  goal: string;
  actual: string;
  met: boolean | null; // null: not measured in this run
}

export function table(rows: Row[]): string {
  const w = [
    Math.max(...rows.map((r) => r.figure.length), 6),
    Math.max(...rows.map((r) => r.value.length), 5),
    Math.max(...rows.map((r) => (r.target ?? '').length + (r.met === undefined ? 0 : 7)), 6),
  ];
  const line = (a: string, b: string, c: string, d: string): string => `${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c.padEnd(w[2])}  ${d}`;
  const out = [line('figure', 'value', 'target', 'how it was measured'), line('-'.repeat(w[0]), '-'.repeat(w[1]), '-'.repeat(w[2]), '-'.repeat(20))];
  for (const r of rows) {
    const mark = r.met === undefined ? '' : r.met === null ? ' (n/a)' : r.met ? ' MET' : ' MISSED';
    out.push(line(r.figure, r.value, `${r.target ?? ''}${mark}`, r.how));
  }
  return out.join('\n');
}

export const perSec = (x: number): string => `${fmt(x)}/s`;
export const ms = (x: number): string => `${fmt(x, x < 10 ? 2 : x < 100 ? 1 : 0)} ms`;
export const ratio = (x: number): string => `${fmt(x, 2)}×`;

/** A median's interval as the A/B prints it: `90 % interval 0.93–1.02×` (its exact coverage when above the level). */
export const interval = (x: { low: number; high: number; coverage: number }): string =>
  `${Math.round(x.coverage * 1000) / 10} % interval ${x.low}–${x.high}×`;
