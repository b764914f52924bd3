import type { AlertRow } from '../commitments/commitments-api';
import type { AlertEvent } from './feed-events';

/** One line of the live alert list, whether it came over the socket or from commitmentAlerts after a reload. */
export interface AlertItem {
  /** The alert's own id (type:node for commitments) when it has one: the same alert from both sources is shown once. */
  key: string;
  type: AlertEvent['type'];
  at: string;
  unitId: string;
  unitName?: string;
  message: string;
  commitmentId?: string;
  code?: string;
  name?: string;
  customerId?: string;
  ownerUnitId?: string;
  ownerName?: string;
  reason?: string;
}

let anonymous = 0;

export function alertFromFeed(e: AlertEvent): AlertItem {
  switch (e.type) {
    case 'COMMITMENT_AT_RISK':
    case 'COMMITMENT_BROKEN':
      if ('commitmentId' in e) {
        const { id, type, at, unitId, message, commitmentId, code, name, customerId, ownerUnitId } = e;
        return { key: id, type, at, unitId, message, commitmentId, code, name, customerId, ownerUnitId };
      }
      // The self-reported COMMITMENT_BROKEN of an untracked promise (no node, no id).
      return { key: `${e.type}:${e.touchpointId}`, type: e.type, at: e.at, unitId: e.unitId, message: e.message, code: e.commitment };
    case 'FOLLOW_UP_OPENED':
      return { key: e.id, type: e.type, at: e.at, unitId: e.unitId, message: e.message, customerId: e.customerId, reason: e.reason, commitmentId: e.commitmentId ?? undefined };
    case 'SATISFACTION_DROP':
      return { key: `${e.type}:${e.unitId}:${e.at}:${(anonymous += 1)}`, type: e.type, at: e.at, unitId: e.unitId, message: e.message };
  }
}

export function alertFromApi(a: AlertRow): AlertItem {
  return {
    key: a.id,
    type: a.type,
    at: a.at,
    unitId: a.unit.id,
    unitName: a.unit.name,
    message: a.message,
    commitmentId: a.commitmentId,
    code: a.code,
    name: a.name,
    customerId: a.customerId,
    ownerUnitId: a.ownerUnit.id,
    ownerName: a.ownerUnit.name,
  };
}

/** Both sources together, each alert once (the API's copy names its units), newest first. */
export function mergeAlerts(live: AlertItem[], loaded: AlertItem[], max: number): AlertItem[] {
  const byKey = new Map<string, AlertItem>();
  for (const a of [...live, ...loaded]) byKey.set(a.key, { ...byKey.get(a.key), ...a });
  return [...byKey.values()].sort((x, y) => Date.parse(y.at) - Date.parse(x.at) || (x.key < y.key ? -1 : 1)).slice(0, max);
}
