import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitRow } from './gateway-api';

interface Props {
  units: OrgUnitRow[];
  currentId: string;
  hrefOf: (unitId: string) => string;
}

interface Node {
  unit: OrgUnitRow;
  children: Node[];
}

/** Units whose parent is outside the list are roots: a head's scope starts at their own unit. */
export function buildForest(units: OrgUnitRow[]): Node[] {
  const byId = new Map(units.map((u) => [u.id, { unit: u, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const node of byId.values()) {
    const parent = node.unit.parent ? byId.get(node.unit.parent.id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function OrgTreeNav({ units, currentId, hrefOf }: Props): ReactNode {
  const { t } = useTranslation();
  const render = (nodes: Node[], depth: number): ReactNode => (
    <ul className={depth === 0 ? 'tree' : 'subtree'}>
      {nodes.map((n) => (
        <li key={n.unit.id}>
          <a href={hrefOf(n.unit.id)} className={`tree-link level-${n.unit.level} ${n.unit.id === currentId ? 'active' : ''}`} data-testid={`tree-${n.unit.id}`} title={`${n.unit.id} · ${t(`level.${n.unit.level}`)}`}>
            {n.unit.name}
          </a>
          {n.children.length > 0 && render(n.children, depth + 1)}
        </li>
      ))}
    </ul>
  );
  return (
    <nav className="org-tree" data-testid="org-tree" aria-label={t('unit.tree')}>
      {render(buildForest(units), 0)}
    </nav>
  );
}
