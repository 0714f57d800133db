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
