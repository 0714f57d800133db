import { DEMO_SELLER } from './harness';

/** A FULFILLMENT_ORDER_STATUS notification in Amazon's shape (its reference example, trimmed to an order event). */
export function orderNotification(id: string, notificationId: string, status = 'PROCESSING') {
  return {
    NotificationVersion: '1.0',
    NotificationType: 'FULFILLMENT_ORDER_STATUS',
    PayloadVersion: '1.0',
    EventTime: '2026-11-22T10:00:00.000Z',
    Payload: {
      FulfillmentOrderStatusNotification: {
        SellerId: DEMO_SELLER,
        EventType: 'Order',
        StatusUpdatedDateTime: '2026-11-22T10:00:00.000Z',
        SellerFulfillmentOrderId: id,
        FulfillmentOrderStatus: status,
      },
    },
    NotificationMetadata: {
      ApplicationId: 'amzn1.sp.solution.test',
      SubscriptionId: 'subscription-1',
      PublishTime: '2026-11-22T10:00:00.000Z',
      NotificationId: notificationId,
    },
  };
}
