/**
 * `column` lies in the subtree under the unit in parameter `$param`: a
 * semi-join on org_unit_subtree (every ancestor-or-self and unit pair), never
 * a literal list of the subtree's units. PostgreSQL estimates a literal list
 * element by element for every path it plans (a 10,021-unit group planned for
 * longer than it ran); the closure table's statistics tell it the subtree's
 * size. A caller's scope is a subtree (access-policy.ts), so a caller who may
 * read the unit may read every unit the semi-join yields.
 */
export const inSubtree = (column: string, param: number): string => `${column} IN (SELECT s.unit_id FROM org_unit_subtree s WHERE s.ancestor_id = $${param})`;
