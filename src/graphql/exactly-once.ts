import { IdempotencyKeyReusedError, type Idempotency } from '../store/idempotency';
import { UserErrorCode, type UserError } from './user-error.type';

/**
 * A mutation's work, exactly once per `idempotencyKey` (`store/idempotency.ts`): a repeat answers the
 * first payload. A key used before with a different input is the caller's mistake, answered as a
 * userError on `idempotencyKey` with the payload's `empty` fields, never run.
 */
export async function exactlyOnce<P extends { userErrors: UserError[] }>(
  idempotency: Idempotency,
  claim: {
    operation: string;
    tenant: string;
    key: string | null | undefined;
    input: object;
    /** after a crash mid-work: run the work again (it reconciles itself), or report the unknown outcome */
    reconcile: 'rerun' | 'report';
  },
  work: (attempt: { reconciling: boolean }) => Promise<P>,
  empty: Omit<P, 'userErrors'>,
): Promise<P> {
  try {
    const { operation, tenant, key, input, reconcile } = claim;
    return (await idempotency.run({ operation, tenant }, key, input, reconcile, work)).value;
  } catch (error) {
    if (!(error instanceof IdempotencyKeyReusedError)) throw error;
    const userErrors = [
      { field: ['idempotencyKey'], code: UserErrorCode.IDEMPOTENCY_KEY_REUSED, message: error.message },
    ];
    return { ...empty, userErrors } as P;
  }
}
