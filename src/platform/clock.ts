import { abortableSleep } from './abortable';

/** Time as the datasources see it; tests inject a fake to avoid wall-clock luck. */
export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
  /** resolves after `ms`; rejects with the signal's reason as soon as `signal` fires (a fake clock may ignore it) */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  // under a millisecond: the next turn of the event loop (a timer would wait a whole millisecond)
  sleep: (ms, signal) =>
    signal
      ? abortableSleep(ms, signal)
      : new Promise((resolve) => (ms < 1 ? setImmediate(resolve) : setTimeout(resolve, ms))),
};
