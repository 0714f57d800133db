import type { default as AjvClass, ValidateFunction } from 'ajv';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FbaOrderEvents } from './fba-outbound-order.events';
import type { Logger } from '../../platform/logger';
import amazonSchema from '../../../reference/FulfillmentOrderStatusNotification.json';

/** The header an SQS-to-HTTP bridge sends the shared secret in (an EventBridge connection's API key). */
export const NOTIFICATION_SECRET_HEADER = 'x-notification-secret';
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

interface Notification {
  NotificationType: string;
  EventTime: string;
  Payload: {
    FulfillmentOrderStatusNotification: {
      SellerId: string;
      SellerFulfillmentOrderId: string;
      FulfillmentOrderStatus: string;
      EventType: string;
    };
  };
  NotificationMetadata: { NotificationId: string };
}

/**
 * Amazon's published schema, with one documented relaxation: it lists `FulfillmentShipment` and
 * `FulfillmentReturnItem` as required, but Amazon's notification guide sends the first only for
 * EventType Shipment and the second only for EventType Return, so an order-level change has
 * neither. Everything else is as published.
 */
function compile(): ValidateFunction<Notification> {
  const schema = structuredClone(amazonSchema) as unknown as {
    $id?: string;
    properties: { Payload: { properties: { FulfillmentOrderStatusNotification: { required: string[] } } } };
  };
  stripIds(schema); // Amazon's generator labels every node with an `$id` (some twice): labels, not references
  const payload = schema.properties.Payload.properties.FulfillmentOrderStatusNotification;
  payload.required = payload.required.filter((k) => k !== 'FulfillmentShipment' && k !== 'FulfillmentReturnItem');
  // ajv is loaded only by a process that takes notifications (SPAPI_NOTIFICATION_SECRET or the embedded sandbox)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
  return new Ajv({ allErrors: true, strict: false }).compile<Notification>(schema);
}

export interface IngestAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * `POST /notifications/sp-api`: Amazon's FULFILLMENT_ORDER_STATUS notifications, as an SQS-to-HTTP
 * bridge delivers them. Refused without the shared secret (401), refused when they do not match
 * Amazon's schema (400, the paths but never the values), answered 202 when new and 200 when a
 * redelivery: a bridge retries only what failed, and nothing is announced twice.
 */
export class SpApiNotificationIngest {
  private readonly validate = compile();
  private readonly secretDigest: Buffer;

  constructor(private readonly deps: { secret: string; events: FbaOrderEvents; logger: Logger }) {
    this.secretDigest = digest(deps.secret);
  }

  async handle(secretHeader: string | string[] | undefined, text: string): Promise<IngestAnswer> {
    // compared as digests: constant time whatever the lengths
    if (typeof secretHeader !== 'string' || !timingSafeEqual(digest(secretHeader), this.secretDigest)) {
      this.deps.logger.info('notification refused: missing or wrong shared secret');
      return refusal(
        401,
        'UNAUTHENTICATED',
        `A notification needs the shared secret in ${NOTIFICATION_SECRET_HEADER}.`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refusal(400, 'BAD_NOTIFICATION', 'The notification is not valid JSON.');
    }
    if (!this.validate(body)) {
      const problems = (this.validate.errors ?? []).slice(0, 20).map((e) => ({
        path: e.instancePath || '/',
        problem: e.message ?? 'invalid',
        ...(e.keyword === 'required' ? { field: (e.params as { missingProperty: string }).missingProperty } : {}),
      }));
      this.deps.logger.info({ problems }, 'notification refused: not a valid FULFILLMENT_ORDER_STATUS notification');
      return refusal(400, 'BAD_NOTIFICATION', "The notification does not match Amazon's schema.", { problems });
    }
    if (body.NotificationType !== 'FULFILLMENT_ORDER_STATUS')
      return refusal(400, 'BAD_NOTIFICATION', 'Only FULFILLMENT_ORDER_STATUS notifications are taken here.', {
        problems: [{ path: '/NotificationType', problem: 'must be FULFILLMENT_ORDER_STATUS' }],
      });
    const p = body.Payload.FulfillmentOrderStatusNotification;
    const outcome = await this.deps.events.ingest({
      notificationId: body.NotificationMetadata.NotificationId,
      sellerId: p.SellerId,
      sellerFulfillmentOrderId: p.SellerFulfillmentOrderId,
      status: p.FulfillmentOrderStatus,
      eventTime: body.EventTime,
    });
    this.deps.logger.info(
      { notificationId: body.NotificationMetadata.NotificationId, eventType: p.EventType, outcome },
      'SP-API notification',
    );
    return outcome === 'accepted'
      ? { status: 202, body: { accepted: true } }
      : { status: 200, body: { accepted: false, duplicate: true } };
  }
}

function stripIds(node: unknown): void {
  if (Array.isArray(node)) node.forEach(stripIds);
  else if (node && typeof node === 'object') {
    delete (node as { $id?: unknown }).$id;
    Object.values(node).forEach(stripIds);
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function refusal(status: number, code: string, message: string, extra: Record<string, unknown> = {}): IngestAnswer {
  return { status, body: { errors: [{ message, extensions: { code, ...extra } }] } };
}
