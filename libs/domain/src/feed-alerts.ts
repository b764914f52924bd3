import type { Chain } from './vocabulary';

// The live feed's alert rules: when an alert is due and what it says. The
// gateway wraps the answer in the wire payload (libs/contracts feed-events).

/** How far the value chain must fall between two rolling scores of a unit to alert. */
export const SATISFACTION_DROP_POINTS = 10;
/** Below this many touchpoints in the rolling hour a drop is noise, not news. */
export const SATISFACTION_DROP_MIN_TOUCHPOINTS = 20;

export interface RollingScore {
  touchpoints: number;
  chains: Record<Chain, number | null>;
}

export interface SatisfactionDrop {
  from: number;
  to: number;
  message: string;
}

/** A fall of the value chain from the previous rolling score sent to the current one, or null. */
export function satisfactionDrop(before: RollingScore | undefined, now: RollingScore): SatisfactionDrop | null {
  const was = before?.chains.VALUE;
  const is = now.chains.VALUE;
  if (was == null || is == null || now.touchpoints < SATISFACTION_DROP_MIN_TOUCHPOINTS) return null;
  if (was - is < SATISFACTION_DROP_POINTS) return null;
  return { from: was, to: is, message: `value chain fell from ${was.toFixed(1)} to ${is.toFixed(1)} in the last hour` };
}

export interface BrokenCommitment {
  code: string;
  message: string;
}

/** A touchpoint recorded with a service commitment it did not meet, or null (none, or met). */
export function brokenCommitment(tp: { id: string; commitment?: { code: string; met: boolean } | null }): BrokenCommitment | null {
  const c = tp.commitment;
  if (!c || c.met) return null;
  return { code: c.code, message: `service commitment ${c.code} was not met (touchpoint ${tp.id})` };
}
