import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentState } from '../__generated__/gateway/graphql';
import { buildHash } from '../routing/hash-route';

export const STATES: CommitmentState[] = ['OPEN', 'AT_RISK', 'BREACHED', 'MET'];

/** A node's state at the moment the gateway read it, coloured like the alerts (amber, red). */
export function StatePill({ state }: { state: CommitmentState }): ReactNode {
  const { t } = useTranslation();
  return (
    <span className={`pill state-${state}`} data-testid="state-pill" data-state={state}>
      {t(`commitmentState.${state}`)}
    </span>
  );
}

/** A trace's own link: the board's unit stays in the URL, so "back" returns to it. */
export const traceHref = (unitId: string, commitmentId: string): string => buildHash(['commitments', unitId, 'trace', commitmentId]);

/** `?state=AT_RISK,BREACHED` → the states asked for (unknown ones dropped); none → every state. */
export function statesFromParam(raw: string | null): CommitmentState[] {
  return (raw ?? '').split(',').filter((s): s is CommitmentState => (STATES as string[]).includes(s));
}

/** A unit's name with its id on hover; units outside the caller's scope come with their name from the API. */
export function UnitName({ unit }: { unit: { id: string; name: string } }): ReactNode {
  return (
    <span className="unit-name" title={unit.id}>
      {unit.name}
    </span>
  );
}
