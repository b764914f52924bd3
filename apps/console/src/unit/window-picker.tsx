import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../ui/time-zone';
import { fromLocalInput, PRESETS, toLocalInput, type UnitWindow } from './window';

interface Props {
  current: Pick<UnitWindow, 'preset' | 'from' | 'to'>;
  onChange: (w: Pick<UnitWindow, 'preset' | 'from' | 'to'>) => void;
}

/**
 * Today / last 24 h / 7 days / 30 days, or a custom range entered on the wall
 * clock of the console's time zone (the one days are shown in), sent as whole UTC hours.
 */
export function WindowPicker(props: Props): ReactNode {
  const zone = useTimeZone();
  // A new zone re-reads the inputs from the window (the same instants on the new zone's clock).
  return <ZonedWindowPicker key={zone} zone={zone} {...props} />;
}

function ZonedWindowPicker({ current, onChange, zone }: Props & { zone: string }): ReactNode {
  const { t } = useTranslation();
  const [custom, setCustom] = useState(current.preset === 'custom');
  const [from, setFrom] = useState(toLocalInput(current.from, zone));
  const [to, setTo] = useState(toLocalInput(current.to, zone));

  return (
    <div className="window-picker" data-testid="window-picker">
      <div className="seg">
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className={current.preset === p && !custom ? 'active' : ''}
            onClick={() => {
              setCustom(false);
              onChange({ preset: p, from: '', to: '' });
            }}
            data-testid={`window-${p}`}
          >
            {t(`window.${p}`)}
          </button>
        ))}
        <button type="button" className={custom ? 'active' : ''} onClick={() => setCustom(true)} data-testid="window-custom">
          {t('window.custom')}
        </button>
      </div>
      {custom && (
        <form
          className="custom-window"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ preset: 'custom', from: fromLocalInput(from, zone), to: fromLocalInput(to, zone) });
          }}
        >
          <label>
            {t('window.from')}
            <input type="datetime-local" step={3600} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="custom-from" />
          </label>
          <label>
            {t('window.to')}
            <input type="datetime-local" step={3600} value={to} onChange={(e) => setTo(e.target.value)} data-testid="custom-to" />
          </label>
          <span className="muted small" data-testid="custom-window-zone">
            {zone}
          </span>
          <button type="submit" className="small" data-testid="custom-apply">
            {t('window.apply')}
          </button>
        </form>
      )}
    </div>
  );
}
