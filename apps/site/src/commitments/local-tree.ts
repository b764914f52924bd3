import { createHash } from 'node:crypto';
import { completeNode, startTree, type CommitmentCatalogue, type CommitmentNode } from '@qihe/domain';

// A touchpoint's commitment tree as a site knows it: the gateway's rules
// (startTree, completeNode in libs/domain) over the catalogue copy, the
// touchpoint and the site's own events, in the order they were accepted.

export interface TreeTouchpoint {
  id: string;
  unitId: string;
  customerId: string;
  occurredAt: Date;
  servedAt: Date | null;
  capturedCommitment: { code: string; met: boolean } | null;
}

export interface TreeEvent {
  id: string;
  code: string;
  completedAt: Date;
}

export interface LocalTree {
  nodes: CommitmentNode[];
  /** Which event completed each node (directly or through a node above it). */
  completedBy: Map<string, string>;
}

/** The tree a touchpoint started, with the events applied; null when its code is not a tracked (level-1) code here. */
export function localTree(catalogue: CommitmentCatalogue, tp: TreeTouchpoint, events: readonly TreeEvent[]): LocalTree | null {
  const nodes = startTree(
    catalogue,
    {
      id: tp.id,
      unitId: tp.unitId,
      customerId: tp.customerId,
      occurredAt: tp.occurredAt.getTime(),
      servedAt: tp.servedAt ? tp.servedAt.getTime() : null,
      commitment: tp.capturedCommitment,
    },
    () => '',
  );
  if (!nodes) return null;
  const tree: LocalTree = { nodes, completedBy: new Map() };
  for (const e of events) applyEvent(tree, e);
  return tree;
}

export type EventVerdict = { status: 'COMPLETED' | 'UNCHANGED' } | { status: 'CONFLICT'; completedAt: number } | { status: 'NOT_FOUND' };

/** Completes a node of the tree in place (and its unfinished descendants), as the gateway will. */
export function applyEvent(tree: LocalTree, e: TreeEvent): EventVerdict {
  const done = completeNode(tree.nodes, e.code, e.completedAt.getTime());
  if (done.status !== 'COMPLETED') return done;
  done.nodes.forEach((n, i) => {
    if (tree.nodes[i].completedAt === null && n.completedAt !== null) tree.completedBy.set(n.code, e.id);
  });
  tree.nodes = done.nodes;
  return { status: 'COMPLETED' };
}

/** The gateway's content hash of an event (same content again is a duplicate, other content a conflict). */
export function eventContentHash(touchpointId: string, code: string, completedAt: Date): string {
  return createHash('sha256').update(`${touchpointId.toLowerCase()}\u0000${code}\u0000${completedAt.toISOString()}`).digest('base64url');
}
