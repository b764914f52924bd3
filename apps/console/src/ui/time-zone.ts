import { useSyncExternalStore } from 'react';
import { isTimeZone } from '@qihe/domain';

// The time zone the console shows days in: the browser's own by default, or the
// one the user picked (kept in localStorage, like the language). Presets
// ("today", "7 days") start at its midnight, trend days and weeks are bucketed
// by the gateway at its midnight (engagementTrend timeZone), and times are
// labelled in it.

const STORE_KEY = 'qihe.timeZone';
const listeners = new Set<() => void>();

/** The browser's zone (Intl), or UTC when it reports none. */
export function browserTimeZone(): string {
  const z = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return z && isTimeZone(z) ? z : 'UTC';
}

export function getTimeZone(): string {
  try {
    const saved = window.localStorage.getItem(STORE_KEY);
    if (saved && isTimeZone(saved)) return saved;
  } catch {
    // storage may be unavailable (private mode): the browser's zone
  }
  return browserTimeZone();
}

/** Picks a zone (null: back to the browser's) and tells every screen. */
export function setTimeZone(zone: string | null): void {
  try {
    if (zone && zone !== browserTimeZone()) window.localStorage.setItem(STORE_KEY, zone);
    else window.localStorage.removeItem(STORE_KEY);
  } catch {
    // not persisted; still applied below for this page
  }
  for (const l of listeners) l();
}

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useTimeZone(): string {
  return useSyncExternalStore(subscribe, getTimeZone, () => 'UTC');
}

/** Every zone the browser knows, for the picker (the current one first if it is missing). */
export function timeZoneChoices(current: string): string[] {
  // Browsers list region zones only: UTC is offered first on its own.
  const all = ['UTC', ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []).filter((z) => z !== 'UTC')];
  return all.includes(current) ? all : [current, ...all];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(iso: string, zone: string): Record<string, string> {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    formatters.set(zone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(iso))) out[p.type] = p.value;
  return out;
}

/** 'YYYY-MM-DD HH:mm' of an instant in a zone. */
export function fmtZoned(iso: string, zone: string): string {
  const p = parts(iso, zone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 'MM-DD' (days, weeks) or 'HH:mm' (hours) of an instant in a zone, for chart ticks. */
export function fmtZonedTick(iso: string, zone: string, hourly: boolean): string {
  const p = parts(iso, zone);
  return hourly ? `${p.hour}:${p.minute}` : `${p.month}-${p.day}`;
}
