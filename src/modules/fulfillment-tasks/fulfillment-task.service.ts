import { exactlyOnce } from '../../graphql/exactly-once';
import type { Clock } from '../../platform/clock';
import type { LingxingFulfillment } from '../../upstreams/lingxing/fulfillment';
import { toFulfillmentTask } from './fulfillment-task.mapping';
import { UpstreamRejectedError } from '../../errors';
import { type Idempotency } from '../../store/idempotency';
import { nextPollDelay } from './fulfillment-task.refresher';
import type { SubmitFulfillmentInput } from './submit-fulfillment.input';
import type { SubmitFulfillmentPayload } from './submit-fulfillment.payload';
import { UserErrorCode } from '../../graphql/user-error.type';
import { safeUpstreamMessage } from '../../platform/redact';
import type { Repository } from '../../store';
import type { StoreDirectory } from '../../upstreams/lingxing/store-directory';
import type { AmazonRegion } from '../../graphql/amazon-region.enum';

/**
 * Shipment confirmation (标发) as a use-case: submit to the ERP exactly once per idempotency key,
 * and remember the task with what was submitted, so `shipments`, `recentFulfillmentTasks` and
 * the refresher have it. The ERP cannot be asked about a submission it may have received, so a
 * claim left pending by a crash is reported (OUTCOME_UNKNOWN), never resent.
 */
export class ShipmentConfirmations {
  constructor(
    private readonly deps: {
      fulfillment: LingxingFulfillment;
      /** the ERP's stores: the region of a submission that does not name one */
      stores: Pick<StoreDirectory, 'regionOf'>;
      repo: Repository;
      idempotency: Idempotency;
      clock: Clock;
    },
  ) {}

  async submit(given: SubmitFulfillmentInput): Promise<SubmitFulfillmentPayload> {
    // a region left out is the ERP store's (the same for every retry: the key sees the full input)
    let region = given.region;
    if (!region) {
      region = (await this.deps.stores.regionOf(given.sellerId, given.marketplaceId)) as AmazonRegion | null;
      if (!region)
        return {
          task: null,
          userErrors: [
            {
              field: ['region'],
              code: UserErrorCode.UNKNOWN_STORE,
              message: `the ERP lists no store of seller ${given.sellerId} in marketplace ${given.marketplaceId} to take the region from: give region`,
            },
          ],
        };
    }
    // the key's hash is canonical: a retry that leaves the region out matches one that named it
    const input = { ...given, region };
    return exactlyOnce(
      this.deps.idempotency,
      { operation: 'submitFulfillment', tenant: input.sellerId, key: input.idempotencyKey, input, reconcile: 'report' },
      () => this.submitOnce(input),
      { task: null },
    );
  }

  private async submitOnce(
    input: Omit<SubmitFulfillmentInput, 'crossFieldErrors'> & { region: AmazonRegion },
  ): Promise<SubmitFulfillmentPayload> {
    let submitted;
    try {
      submitted = await this.deps.fulfillment.submit(input);
    } catch (error) {
      if (!(error instanceof UpstreamRejectedError)) throw error;
      return {
        task: null,
        userErrors: [
          {
            field: error.inputPath ?? null,
            message: safeUpstreamMessage(error.message),
            code: UserErrorCode.UPSTREAM_REJECTED,
          },
        ],
      };
    }
    const now = this.deps.clock.now();
    await this.deps.repo.insertTask({
      sellerId: input.sellerId,
      taskId: submitted.taskId,
      region: input.region,
      marketplaceId: input.marketplaceId,
      status: submitted.status,
      failureReason: submitted.failureReason,
      feedStatusCode: null,
      shipments: submitted.shipments,
      createdAt: new Date(now).toISOString(),
      updatedAt: new Date(now).toISOString(),
      finishedAt: null,
      nextPollAt: new Date(now + nextPollDelay(0)).toISOString(),
      pollAttempts: 0,
    });
    const task = toFulfillmentTask(
      input.sellerId,
      {
        taskId: submitted.taskId,
        status: submitted.status,
        failureReason: submitted.failureReason,
        feedStatusCode: null,
        shipTime: null,
        summary: null,
        results: [],
      },
      submitted.shipments,
    );
    return { task, userErrors: [] };
  }
}
