import { abortableSleep } from '../../platform/abortable';
import { currentSignal, uncounted } from '../../platform/operation-scope';

/** Waits between the reads after an accepted write: Amazon's reads can lag its writes by a second or so. */
export const READ_BACK_DELAYS_MS = [200, 500, 1000];

/**
 * The resource right after a write the upstream accepted (2xx), read until it shows: a missing
 * answer or a failed read is tried again after each of READ_BACK_DELAYS_MS; null when it still
 * cannot be read, or as soon as the operation ends (nobody waits for it any more). Never throws:
 * the write succeeded, and a later read fills in the rest. The caller paid for one read; the
 * reads after the upstream's lag are not counted again.
 */
export async function readBack<T>(read: () => Promise<T | null>): Promise<T | null> {
  for (const delay of [0, ...READ_BACK_DELAYS_MS]) {
    if (delay) {
      const ended = await abortableSleep(delay, currentSignal()).then(
        () => false,
        () => true,
      );
      if (ended) return null;
    }
    try {
      const found = await (delay ? uncounted(read) : read());
      if (found) return found;
    } catch {
      // a failed read after an accepted write is not the write's failure
    }
  }
  return null;
}
