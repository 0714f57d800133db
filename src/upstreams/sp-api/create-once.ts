import { UpstreamTimeoutError, UpstreamUnavailableError } from '../../errors';
import { SpApiRejectedError } from './client';

/** What `createOrder` did: created it now, or found the same order already created (a safe retry). */
export type CreateOutcome = 'created' | 'already-existed';

/** The same sellerFulfillmentOrderId already names a different order. */
export class OrderIdConflictError extends Error {}

/** Upstream refusal patterns → the reason a user sees (SP-API has one code, InvalidInput, for all of them). */
const REFUSAL_REASONS: ReadonlyArray<[RegExp, RefusalReason]> = [
  [/already exists/i, 'ORDER_EXISTS'],
  [/OrderNotUpdatable|not updatable|cannot be updated|no longer on hold/i, 'NOT_UPDATABLE'],
  [/DuplicateCancelRequest/i, 'ALREADY_CANCELLED'],
  [/not cancell?able|cannot be cancell?ed/i, 'NOT_CANCELLABLE'],
];
export type RefusalReason =
  'ORDER_EXISTS' | 'NOT_UPDATABLE' | 'ALREADY_CANCELLED' | 'NOT_CANCELLABLE' | 'UPSTREAM_REJECTED';

export function refusalReason(error: SpApiRejectedError): RefusalReason {
  const text = error.errors.map((e) => `${e.message} ${e.details ?? ''}`).join(' ') || error.message;
  return REFUSAL_REASONS.find(([pattern]) => pattern.test(text))?.[1] ?? 'UPSTREAM_REJECTED';
}

/**
 * A create that is safe to retry, for either Fulfillment Outbound version (docs/upstreams/sp-api.md,
 * "Errors and what real traffic shows"): after a timeout or 5xx the order is looked up before anything is resent, and "already
 * exists" for the same order is a success. An id that already names a different order is
 * `OrderIdConflictError`. Resolves with what the create answered, or the order a read found.
 */
export async function createOnce<Sent, Order>(steps: {
  id: string;
  send: () => Promise<Sent>;
  find: () => Promise<Order | null>;
  same: (existing: Order) => boolean;
}): Promise<{ sent?: Sent; existing?: Order; outcome: CreateOutcome }> {
  try {
    return { sent: await steps.send(), outcome: 'created' };
  } catch (error) {
    const ambiguous = error instanceof UpstreamTimeoutError || error instanceof UpstreamUnavailableError;
    const exists = error instanceof SpApiRejectedError && refusalReason(error) === 'ORDER_EXISTS';
    if (!ambiguous && !exists) throw error;
    let existing: Order | null;
    try {
      existing = await steps.find();
    } catch {
      throw error; // cannot reconcile now: report the original, ambiguous outcome
    }
    if (existing) {
      if (!steps.same(existing))
        throw new OrderIdConflictError(
          `sellerFulfillmentOrderId ${steps.id} already names a different fulfillment order`,
        );
      return { existing, outcome: exists ? 'already-existed' : 'created' };
    }
    if (!ambiguous) throw error;
    return { sent: await steps.send(), outcome: 'created' }; // reconciled: the first attempt did not land
  }
}
