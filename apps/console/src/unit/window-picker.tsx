import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, PRESETS, toLocalInput, type UnitWindow } from './window';

interface Props {
  current: Pick<UnitWindow, 'preset' | 'from' | 'to'>;
  onChange: (w: Pick<UnitWindow, 'preset' | 'from' | 'to'>) => void;
}

/** Last 24 h / 7 days / 30 days, or a custom range of whole UTC hours. */
export function WindowPicker({ current, onChange }: Props): ReactNode {
  const { t } = useTranslation();
  const [custom, setCustom] = useState(current.preset === 'custom');
  const [from, setFrom] = useState(toLocalInput(current.from));
  const [to, setTo] = useState(toLocalInput(current.to));

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
            onChange({ preset: 'custom', from: fromLocalInput(from), to: fromLocalInput(to) });
          }}
        >
          <label>
            {t('window.from')}
            <input type="datetime-local" step={3600} value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t('window.to')}
            <input type="datetime-local" step={3600} value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <span className="muted small">UTC</span>
          <button type="submit" className="small">
            {t('window.apply')}
          </button>
        </form>
      )}
    </div>
  );
}
