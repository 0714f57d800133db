/** Time as the datasources see it; tests inject a fake to avoid wall-clock luck. */
export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  // under a millisecond: the next turn of the event loop (a timer would wait a whole millisecond)
  sleep: (ms) => new Promise((resolve) => (ms < 1 ? setImmediate(resolve) : setTimeout(resolve, ms))),
};
