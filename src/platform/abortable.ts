/** Rejects with the signal's reason once it fires; `onAbort` undoes whatever the wait had queued. */
export function rejectOnAbort(signal: AbortSignal | undefined, reject: (reason: unknown) => void, onAbort: () => void) {
  if (!signal) return () => undefined;
  const listener = () => {
    onAbort();
    reject(signal.reason);
  };
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

/** A sleep that ends early, rejecting with the signal's reason, when the signal fires. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      detach();
      resolve();
    }, ms);
    const detach = rejectOnAbort(signal, reject, () => clearTimeout(timer));
  });
}

/**
 * A signal for one upstream request: it fires after `timeoutMs` (a TimeoutError) or when `also`
 * fires. `done()` clears the timer and the listener as soon as the answer is read, so nothing is
 * held for the rest of the timeout (unlike `AbortSignal.timeout` and `AbortSignal.any`).
 */
export function requestDeadline(timeoutMs: number, also?: AbortSignal): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The upstream did not answer in time.', 'TimeoutError')),
    timeoutMs,
  );
  const forward = () => controller.abort(also!.reason);
  if (also?.aborted) forward();
  else also?.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      also?.removeEventListener('abort', forward);
    },
  };
}
