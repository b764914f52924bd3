import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { buildHash, navigate } from '../routing/hash-route';
import { drillFilterOf, DRILL_FIELDS, touchpointsHref, withoutField, type DrillField, type DrillFilter } from '../routing/touchpoints-link';
import { ProblemBox } from '../ui/states';
import { TimeZonePicker } from '../ui/time-zone-picker';
import { ORG_UNITS } from './gateway-api';
import { pointsPerTouchpoint } from './measure-points';
import { TouchpointsPanel } from './touchpoints-panel';
import { windowFromParams, windowParams } from './window';
import { WindowPicker } from './window-picker';

interface Props {
  unitId: string;
  params: URLSearchParams;
}

// Filter values shown in words where the console has them.
const ENUM_OF: Partial<Record<DrillField, string>> = { channel: 'channel', kind: 'kind', stage: 'stage', needCategory: 'need' };

/**
 * #/unit/<id>/touchpoints?window=…&<filter>: exactly the touchpoints behind a
 * number (see routing/touchpoints-link.ts). The filter is shown as chips, each
 * removable; removing one widens the list.
 */
export function TouchpointsView({ unitId, params }: Props): ReactNode {
  const { t } = useTranslation();
  const win = windowFromParams(params, Date.now());
  const filter = drillFilterOf(params);
  const org = useQuery(ORG_UNITS, { fetchPolicy: 'cache-first' });
  const unitName = org.data?.orgUnits.find((u) => u.id === unitId)?.name ?? unitId;
  const current = win.ok ? win.window : { preset: 'custom' as const, from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const backHref = buildHash(['unit', unitId], windowParams(current as Parameters<typeof windowParams>[0]));

  const valueOf = (f: DrillField, v: string): string => {
    if (f === 'measure') return t(`measureName.${v}`, { defaultValue: v });
    // A measure of points (csat) lists rated touchpoints: its parts are named by rating, not numerator/denominator.
    if (f === 'part') return filter.measure && pointsPerTouchpoint(filter.measure) > 1 ? t(`drill.points.${v}`) : t(`drill.part.${v}`, { defaultValue: v });
    if (f === 'resolved') return v === 'true' ? '✓' : '✗';
    if (f === 'maxSatisfaction') return `≤ ${v}`;
    if (v === 'UNKNOWN') return t('slice.unknown');
    const e = ENUM_OF[f];
    return e ? t(`enum.${e}.${v}`, { defaultValue: v }) : v;
  };
  const chips = (
    <ul className="chips" data-testid="touchpoints-filter">
      {DRILL_FIELDS.filter((f) => filter[f] !== undefined).map((f) => (
        <li key={f} className="chip" data-testid={`chip-${f}`}>
          <span className="muted">{t(`drill.field.${f}`)}</span> <strong>{valueOf(f, filter[f] as string)}</strong>
          <button type="button" className="chip-remove" aria-label={t('drill.remove', { field: t(`drill.field.${f}`) })} onClick={() => navigate(touchpointsHref(unitId, withoutField(filter, f), current))} data-testid={`chip-${f}-remove`}>
            ✕
          </button>
        </li>
      ))}
      {Object.keys(filter).length === 0 && <li className="muted small">{t('drill.noFilter')}</li>}
    </ul>
  );

  return (
    <div className="drill-view" data-testid="touchpoints-view">
      <div className="unit-head">
        <div>
          <a href={backHref} className="small" data-testid="back-to-unit">
            ← {unitName}
          </a>
          <h1>{t('drill.title')}</h1>
        </div>
        <div className="unit-controls">
          <WindowPicker
            key={win.ok ? `${win.window.preset}${win.window.from}` : 'bad'}
            current={current}
            onChange={(w) => navigate(touchpointsHref(unitId, filter satisfies DrillFilter, w))}
          />
          <TimeZonePicker />
        </div>
      </div>
      {!win.ok ? (
        <ProblemBox problem={{ code: 'BAD_USER_INPUT', message: win.message, field: win.field }} />
      ) : (
        <TouchpointsPanel key={`${unitId}|${win.window.from}|${win.window.to}|${JSON.stringify(filter)}`} unitId={unitId} from={win.window.from} to={win.window.to} filter={filter} chips={chips} />
      )}
    </div>
  );
}
