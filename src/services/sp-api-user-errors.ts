import { SpApiNotFoundError, SpApiRejectedError } from '../datasources/sp-api/client';
import { UnknownSellerError } from '../datasources/sp-api/sellers';
import { OrderIdConflictError, refusalReason } from '../datasources/sp-api/v2020-07-01/fulfillment-outbound';
import { UserErrorCode, type UserError } from '../schema/user-error.type';
import { safeUpstreamMessage } from '../redact';

/**
 * Expected refusals of an SP-API mutation as userErrors; anything else is rethrown as a fault.
 * `orderField` is where the order id sits in the mutation's input.
 */
export function spApiUserErrors(error: unknown, orderField: string[] = ['sellerFulfillmentOrderId']): UserError[] {
  if (error instanceof UnknownSellerError)
    return [{ field: ['sellerId'], message: error.message, code: UserErrorCode.UNKNOWN_SELLER }];
  if (error instanceof OrderIdConflictError)
    return [{ field: orderField, message: error.message, code: UserErrorCode.ORDER_EXISTS }];
  if (error instanceof SpApiNotFoundError)
    return [{ field: orderField, message: safeUpstreamMessage(error.message), code: UserErrorCode.NOT_FOUND }];
  if (error instanceof SpApiRejectedError) {
    const reason = refusalReason(error);
    return [
      {
        field: reason === 'UPSTREAM_REJECTED' ? null : orderField,
        message: safeUpstreamMessage(error.message),
        code: UserErrorCode[reason],
      },
    ];
  }
  throw error;
}
