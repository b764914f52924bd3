import { useCallback, useEffect, useRef, useState } from 'react';

export interface HandleTimer {
  seconds: number;
  running: boolean;
  toggle: () => void;
  restart: () => void;
}

/** The handle time of the touchpoint being logged: counts from when the form was last reset. */
export function useHandleTimer(now: () => number = Date.now): HandleTimer {
  const started = useRef(now());
  const banked = useRef(0);
  const [running, setRunning] = useState(true);
  const [seconds, setSeconds] = useState(0);

  const read = useCallback(() => banked.current + (running ? (now() - started.current) / 1000 : 0), [running, now]);

  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setSeconds(Math.floor(read())), 1000);
    return () => window.clearInterval(id);
  }, [running, read]);

  const toggle = useCallback(() => {
    if (running) {
      banked.current = read();
      setSeconds(Math.floor(banked.current));
    } else {
      started.current = now();
    }
    setRunning(!running);
  }, [running, read, now]);

  const restart = useCallback(() => {
    banked.current = 0;
    started.current = now();
    setSeconds(0);
    setRunning(true);
  }, [now]);

  return { seconds, running, toggle, restart };
}
