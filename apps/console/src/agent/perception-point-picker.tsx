import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedCategory } from '@qihe/domain';

export interface PickablePoint {
  code: string;
  name: string;
  nameZh?: string | null;
  needCategories: readonly string[];
}

interface Props {
  need: NeedCategory;
  /** The site's copy of the catalogue, in its order. */
  points: readonly PickablePoint[];
  value: string;
  onChange: (code: string) => void;
  invalid?: boolean;
  describedBy?: string;
}

/** The catalogue's points of a need, in catalogue order (the first is the one a touchpoint joins when none is picked). */
export const pointsOfNeed = (points: readonly PickablePoint[], need: string): PickablePoint[] => points.filter((p) => p.needCategories.includes(need));

/**
 * The perception point of the touchpoint's need (MANAGEMENT-MODEL.md §5),
 * picked from the site's copy of the catalogue; "by need" leaves it to the
 * membership rule.
 */
export function PerceptionPointPicker({ need, points, value, onChange, invalid, describedBy }: Props): ReactNode {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const offered = pointsOfNeed(points, need);
  return (
    <select
      id="f-perceptionPoint"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={offered.length === 0}
      aria-invalid={invalid ?? false}
      aria-describedby={describedBy}
      title={t('perceptionPicker.hint')}
      data-testid="perception-point-picker"
    >
      <option value="">{offered.length === 0 ? t('perceptionPicker.noPoints') : t('perceptionPicker.auto')}</option>
      {offered.map((p) => (
        <option key={p.code} value={p.code}>
          {zh && p.nameZh ? p.nameZh : p.name}
        </option>
      ))}
    </select>
  );
}
