import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, setTimeZone, timeZoneChoices, useTimeZone } from './time-zone';

/** The console's time zone: the browser's by default, any IANA zone when picked (kept in this browser). */
export function TimeZonePicker(): ReactNode {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const own = browserTimeZone();
  return (
    <label className="tz-picker small">
      <span className="muted">{t('tz.label')}</span>
      <select value={zone} onChange={(e) => setTimeZone(e.target.value)} data-testid="time-zone">
        {timeZoneChoices(zone).map((z) => (
          <option key={z} value={z}>
            {z === own ? `${z} (${t('tz.browser')})` : z}
          </option>
        ))}
      </select>
    </label>
  );
}
