import { SpApiNotFoundError, SpApiRejectedError } from '../../upstreams/sp-api/client';
import { UnknownSellerError } from '../../upstreams/sp-api/sellers';
import { NotSupportedByVersionError } from './fba-outbound-order.datasource';
import { OrderIdConflictError, refusalReason } from '../../upstreams/sp-api/v2020-07-01/fulfillment-outbound';
import { UserErrorCode, type UserError } from '../../graphql/user-error.type';
import { safeUpstreamMessage } from '../../platform/redact';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Expected refusals of an SP-API mutation as userErrors; anything else is rethrown as a fault.
 * `orderField` is where the order id sits in the mutation's input.
 */
export function spApiUserErrors(
  error: unknown,
  orderField: string[] = ['sellerFulfillmentOrderId'],
  /** the input's lines, so a refusal that names one of their SKUs points at that line */
  items: ReadonlyArray<{ sellerSku?: string | null }> = [],
): UserError[] {
  if (error instanceof UnknownSellerError)
    return [{ field: ['sellerId'], message: error.message, code: UserErrorCode.UNKNOWN_SELLER }];
  if (error instanceof NotSupportedByVersionError)
    return [{ field: error.field, message: error.message, code: UserErrorCode.NOT_UPDATABLE }];
  if (error instanceof OrderIdConflictError)
    return [{ field: orderField, message: error.message, code: UserErrorCode.ORDER_EXISTS }];
  if (error instanceof SpApiNotFoundError)
    return [{ field: orderField, message: safeUpstreamMessage(error.message), code: UserErrorCode.NOT_FOUND }];
  if (error instanceof SpApiRejectedError) {
    const reason = refusalReason(error);
    const text = error.errors.map((e) => `${e.message} ${e.details ?? ''}`).join(' ');
    const line = items.findIndex((i) => i.sellerSku && new RegExp(`\\b${escape(i.sellerSku)}\\b`).test(text));
    return [
      {
        field: reason !== 'UPSTREAM_REJECTED' ? orderField : line >= 0 ? ['items', String(line), 'sellerSku'] : null,
        message: safeUpstreamMessage(error.message),
        code: UserErrorCode[reason],
      },
    ];
  }
  throw error;
}
