/**
 * Default targets of the indicators (MANAGEMENT-MODEL.md §4), kept with the
 * engagement model's data: a deployment's targets (bootstrap file, setTarget)
 * override them per unit, inherited down the tree.
 */
export const DEFAULT_INDICATOR_TARGETS: Readonly<Record<string, number>> = Object.freeze({
  overall: 70,
  resolution: 0.85,
  growth: 0.2,
  aht: 600,
  fcr: 0.7,
  repeatContactRate: 0.15,
  commitmentKeptRate: 0.9,
  timeliness: 0.95,
  csat: 0.75,
  lowRatingRate: 0.1,
  complaintRate: 0.05,
  recoveryRate: 0.6,
});
