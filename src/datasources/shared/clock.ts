/** Time as the datasources see it; tests inject a fake to avoid wall-clock luck. */
export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
