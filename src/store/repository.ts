import type {
  MessageResultRecord,
  ProcessingSummaryRecord,
  ShipmentConfirmationRecord,
} from '../upstreams/lingxing/fulfillment';
import type { SharedTokenStore } from '../upstreams/lingxing/token-owner';
import type { Clock } from '../platform/clock';
import type { Db, Row } from './db';

/** The key of an MCF order: its store name and order id, joined by U+0000 (which neither may hold). */
export const mcfOrderKey = (storeName: string, orderId: string) => `${storeName}\u0000${orderId}`;

/** What the gateway remembers about a shipment-confirmation task it submitted. */
export interface StoredTask {
  sellerId: string;
  taskId: string;
  region: string;
  marketplaceId: string;
  status: string;
  failureReason: string | null;
  feedStatusCode: string | null;
  shipments: ShipmentConfirmationRecord[];
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** when the refresher should ask the ERP next; null once the task is finished */
  nextPollAt: string | null;
  pollAttempts: number;
  /** while someone subscribes to the task: until when (renewed by the subscription); polls stay fast */
  watchedUntil?: string | null;
  /** a finished task: what the ERP reported (read from here, never asked again); null before */
  result?: StoredTaskResult | null;
}

/**
 * What the ERP reported of a finished task (DONE, FATAL, CANCELLED), kept beside the submission
 * and for as long: such a task never changes at the ERP, so reading it again asks nothing.
 */
export interface StoredTaskResult {
  shipTime: string | null;
  summary: ProcessingSummaryRecord | null;
  results: MessageResultRecord[];
}

export interface IdempotencyRecord {
  scope: string;
  key: string;
  requestHash: string;
  state: 'pending' | 'done';
  response: unknown;
  leaseUntil: string;
  createdAt: string;
}

/** An MCF order as submitted; `personal` (recipient and address) is purged after the retention period. */
export interface StoredMcfOrder {
  storeName: string;
  orderId: string;
  storeCountryCode: string;
  details: Record<string, unknown>;
  personal: Record<string, unknown> | null;
  erpRequestId: string | null;
  createdAt: string;
  personalPurgedAt: string | null;
}

/** A keyset position in a newest-first list. */
export interface ListPosition {
  createdAt: string;
  id: string;
}

const json = (v: unknown) => JSON.stringify(v);
const parse = <T>(v: unknown): T => JSON.parse(String(v)) as T;
/** A text column; numbers (PostgreSQL bigint ids) as their digits. */
const str = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : null;

function toTask(r: Row): StoredTask {
  return {
    sellerId: String(r.seller_id),
    taskId: String(r.task_id),
    region: String(r.region),
    marketplaceId: String(r.marketplace_id),
    status: String(r.status),
    failureReason: str(r.failure_reason),
    feedStatusCode: str(r.feed_status_code),
    shipments: parse(r.shipments),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    finishedAt: str(r.finished_at),
    nextPollAt: str(r.next_poll_at),
    pollAttempts: Number(r.poll_attempts),
    watchedUntil: str(r.watched_until),
    result: r.result === null || r.result === undefined ? null : parse(r.result),
  };
}

function toKey(r: Row): IdempotencyRecord {
  return {
    scope: String(r.scope),
    key: String(r.idem_key),
    requestHash: String(r.request_hash),
    state: r.state === 'done' ? 'done' : 'pending',
    response: r.response === null ? null : parse(r.response),
    leaseUntil: String(r.lease_until),
    createdAt: String(r.created_at),
  };
}

function toMcf(r: Row): StoredMcfOrder {
  return {
    storeName: String(r.store_name),
    orderId: String(r.order_id),
    storeCountryCode: String(r.store_country_code),
    details: parse(r.details),
    personal: r.personal === null ? null : parse(r.personal),
    erpRequestId: str(r.erp_request_id),
    createdAt: String(r.created_at),
    personalPurgedAt: str(r.personal_purged_at),
  };
}

/** Every read and write of the store, in SQL both engines accept. */
export class Repository {
  constructor(readonly db: Db) {}

  // ---- task registry ---------------------------------------------------------------------------

  async insertTask(t: StoredTask): Promise<void> {
    await this.db.query(
      `INSERT INTO fulfillment_tasks (seller_id, task_id, region, marketplace_id, status, failure_reason, feed_status_code, shipments, created_at, updated_at, finished_at, next_poll_at, poll_attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING`,
      [
        t.sellerId,
        t.taskId,
        t.region,
        t.marketplaceId,
        t.status,
        t.failureReason,
        t.feedStatusCode,
        json(t.shipments),
        t.createdAt,
        t.updatedAt,
        t.finishedAt,
        t.nextPollAt,
        t.pollAttempts,
      ],
    );
  }

  /** The largest task id in the registry (ids are digit strings of up to 20 digits), if any. */
  async highestTaskId(): Promise<string | null> {
    const rows = await this.db.query(
      'SELECT task_id FROM fulfillment_tasks ORDER BY LENGTH(task_id) DESC, task_id DESC LIMIT 1',
      [],
    );
    return rows.length ? String(rows[0].task_id) : null;
  }

  async tasksByIds(sellerId: string, taskIds: readonly string[]): Promise<Map<string, StoredTask>> {
    if (taskIds.length === 0) return new Map();
    const placeholders = taskIds.map((_, i) => `$${i + 2}`).join(', ');
    const rows = await this.db.query(
      `SELECT * FROM fulfillment_tasks WHERE seller_id = $1 AND task_id IN (${placeholders})`,
      [sellerId, ...taskIds],
    );
    return new Map(rows.map((r) => [String(r.task_id), toTask(r)]));
  }

  /** Newest first; `after` continues below a previous page's last row. */
  async recentTasks(
    sellerId: string,
    options: { status?: string; limit: number; after?: ListPosition },
  ): Promise<StoredTask[]> {
    const params: Array<string | number> = [sellerId];
    let where = 'seller_id = $1';
    if (options.status) {
      params.push(options.status);
      where += ` AND status = $${params.length}`;
    }
    if (options.after) {
      params.push(options.after.createdAt, options.after.id);
      where += ` AND (created_at < $${params.length - 1} OR (created_at = $${params.length - 1} AND task_id < $${params.length}))`;
    }
    params.push(options.limit);
    const rows = await this.db.query(
      `SELECT * FROM fulfillment_tasks WHERE ${where} ORDER BY created_at DESC, task_id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toTask);
  }

  /** Unfinished tasks whose next poll is due, oldest due first. */
  /** Pushes the next poll of these tasks to `until`: a poll job for them is queued, do not queue another. */
  async deferPolls(sellerId: string, taskIds: readonly string[], until: string): Promise<void> {
    if (taskIds.length === 0) return;
    const placeholders = taskIds.map((_, i) => `$${i + 3}`).join(', ');
    await this.db.query(
      `UPDATE fulfillment_tasks SET next_poll_at = $2 WHERE seller_id = $1 AND next_poll_at IS NOT NULL AND task_id IN (${placeholders})`,
      [sellerId, until, ...taskIds],
    );
  }

  async dueTasks(now: string, limit: number): Promise<StoredTask[]> {
    const rows = await this.db.query(
      'SELECT * FROM fulfillment_tasks WHERE next_poll_at IS NOT NULL AND next_poll_at <= $1 ORDER BY next_poll_at, seller_id, task_id LIMIT $2',
      [now, limit],
    );
    return rows.map(toTask);
  }

  async updateTaskState(
    sellerId: string,
    taskId: string,
    s: {
      status: string;
      failureReason: string | null;
      feedStatusCode: string | null;
      finishedAt: string | null;
      nextPollAt: string | null;
      pollAttempts: number;
      updatedAt: string;
      /** a finished task: what the ERP reported (kept when absent) */
      result?: StoredTaskResult | null;
    },
    /** when given, the update applies only while the stored status is still this one (a transition) */
    fromStatus?: string,
  ): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE fulfillment_tasks SET status = $3, failure_reason = $4, feed_status_code = $5, finished_at = $6, next_poll_at = $7, poll_attempts = $8, updated_at = $9,
         result = COALESCE($10, result)
       WHERE seller_id = $1 AND task_id = $2${fromStatus === undefined ? '' : ' AND status = $11'} RETURNING task_id`,
      [
        sellerId,
        taskId,
        s.status,
        s.failureReason,
        s.feedStatusCode,
        s.finishedAt,
        s.nextPollAt,
        s.pollAttempts,
        s.updatedAt,
        s.result ? json(s.result) : null,
        ...(fromStatus === undefined ? [] : [fromStatus]),
      ],
    );
    return rows.length > 0;
  }

  /** A finished task read before its result was kept (an older registry): keep it now. */
  async storeTaskResult(sellerId: string, taskId: string, status: string, result: StoredTaskResult): Promise<void> {
    await this.db.query(
      'UPDATE fulfillment_tasks SET result = $4 WHERE seller_id = $1 AND task_id = $2 AND status = $3 AND result IS NULL',
      [sellerId, taskId, status, json(result)],
    );
  }

  /**
   * Someone subscribes to this task until `until`: while unfinished it is polled at the fast end of
   * the backoff, and its next poll is brought forward to `pollBy` if it was later.
   */
  async watchTask(sellerId: string, taskId: string, until: string, pollBy: string): Promise<void> {
    await this.db.query(
      `UPDATE fulfillment_tasks SET watched_until = $3,
         next_poll_at = CASE WHEN next_poll_at IS NOT NULL AND next_poll_at > $4 THEN $4 ELSE next_poll_at END
       WHERE seller_id = $1 AND task_id = $2`,
      [sellerId, taskId, until, pollBy],
    );
  }

  // ---- SP-API notifications ----------------------------------------------------------------------

  /** Records a notification id; false when it was seen before (a redelivery). */
  async recordNotification(
    id: string,
    sellerId: string,
    sellerFulfillmentOrderId: string,
    at: string,
  ): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO sp_api_notifications (notification_id, seller_id, seller_fulfillment_order_id, received_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING notification_id`,
      [id, sellerId, sellerFulfillmentOrderId, at],
    );
    return rows.length > 0;
  }

  // ---- idempotency keys ------------------------------------------------------------------------

  /** Inserts a pending claim unless the key exists; returns whether this call claimed it, and the record. */
  async claimKey(
    scope: string,
    key: string,
    requestHash: string,
    now: string,
    leaseUntil: string,
  ): Promise<{ claimed: boolean; record: IdempotencyRecord }> {
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (scope, idem_key, request_hash, state, response, lease_until, created_at, updated_at)
       VALUES ($1, $2, $3, 'pending', NULL, $4, $5, $5) ON CONFLICT DO NOTHING RETURNING *`,
      [scope, key, requestHash, leaseUntil, now],
    );
    if (inserted.length) return { claimed: true, record: toKey(inserted[0]) };
    const record = await this.getKey(scope, key);
    if (!record) return this.claimKey(scope, key, requestHash, now, leaseUntil); // purged in between: try again
    return { claimed: false, record };
  }

  async getKey(scope: string, key: string): Promise<IdempotencyRecord | null> {
    const rows = await this.db.query('SELECT * FROM idempotency_keys WHERE scope = $1 AND idem_key = $2', [scope, key]);
    return rows.length ? toKey(rows[0]) : null;
  }

  /** Takes over a pending claim whose lease has run out (its owner died); false if someone else did. */
  async takeOverKey(scope: string, key: string, now: string, leaseUntil: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE idempotency_keys SET lease_until = $4, updated_at = $3 WHERE scope = $1 AND idem_key = $2 AND state = 'pending' AND lease_until < $3 RETURNING idem_key`,
      [scope, key, now, leaseUntil],
    );
    return rows.length > 0;
  }

  async completeKey(scope: string, key: string, response: unknown, now: string): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET state = 'done', response = $3, updated_at = $4 WHERE scope = $1 AND idem_key = $2`,
      [scope, key, json(response), now],
    );
  }

  /** Ends the lease of a pending claim whose owner gave up with an unknown outcome, so a retry may reconcile at once. */
  async endLease(scope: string, key: string, at: string): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET lease_until = $3, updated_at = $3 WHERE scope = $1 AND idem_key = $2 AND state = 'pending'`,
      [scope, key, at],
    );
  }

  /** Forgets a claim whose work certainly did not happen, so the key can be used again. */
  async releaseKey(scope: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND idem_key = $2 AND state = 'pending'`, [
      scope,
      key,
    ]);
  }

  // ---- MCF orders ------------------------------------------------------------------------------

  async insertMcfOrder(o: StoredMcfOrder): Promise<void> {
    await this.db.query(
      `INSERT INTO mcf_orders (store_name, order_id, store_country_code, details, personal, erp_request_id, created_at, updated_at, personal_purged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, NULL) ON CONFLICT DO NOTHING`,
      [
        o.storeName,
        o.orderId,
        o.storeCountryCode,
        json(o.details),
        o.personal === null ? null : json(o.personal),
        o.erpRequestId,
        o.createdAt,
      ],
    );
  }

  /** The orders found, by `mcfOrderKey(storeName, orderId)`. */
  async mcfOrdersByIds(
    keys: ReadonlyArray<{ storeName: string; orderId: string }>,
  ): Promise<Map<string, StoredMcfOrder>> {
    if (keys.length === 0) return new Map();
    const clauses = keys.map((_, i) => `(store_name = $${2 * i + 1} AND order_id = $${2 * i + 2})`).join(' OR ');
    const rows = await this.db.query(
      `SELECT * FROM mcf_orders WHERE ${clauses}`,
      keys.flatMap((k) => [k.storeName, k.orderId]),
    );
    return new Map(rows.map((r) => [mcfOrderKey(String(r.store_name), String(r.order_id)), toMcf(r)]));
  }

  /** Newest first; `storeNames` limits the list to those stores (an empty list finds nothing). */
  async recentMcfOrders(options: {
    storeName?: string | null;
    storeNames?: readonly string[];
    limit: number;
    after?: ListPosition;
  }): Promise<StoredMcfOrder[]> {
    const params: Array<string | number> = [];
    const where: string[] = [];
    if (options.storeName) {
      params.push(options.storeName);
      where.push(`store_name = $${params.length}`);
    }
    if (options.storeNames) {
      if (options.storeNames.length === 0) return [];
      params.push(...options.storeNames);
      const first = params.length - options.storeNames.length + 1;
      where.push(`store_name IN (${options.storeNames.map((_, i) => `$${first + i}`).join(', ')})`);
    }
    if (options.after) {
      params.push(options.after.createdAt, options.after.id);
      where.push(
        `(created_at < $${params.length - 1} OR (created_at = $${params.length - 1} AND store_name || '/' || order_id < $${params.length}))`,
      );
    }
    params.push(options.limit);
    const rows = await this.db.query(
      `SELECT * FROM mcf_orders ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, store_name || '/' || order_id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toMcf);
  }

  // ---- shared ERP tokens -----------------------------------------------------------------------

  /** The sealed token pair of an appId (opaque here: sealed and opened by the token owner). */
  async loadSealedToken(appId: string): Promise<string | null> {
    const rows = await this.db.query('SELECT sealed FROM erp_tokens WHERE app_id = $1', [appId]);
    return rows.length ? String(rows[0].sealed) : null;
  }

  async saveSealedToken(appId: string, sealed: string, now: string): Promise<void> {
    await this.db.query(
      `INSERT INTO erp_tokens (app_id, sealed, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (app_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
      [appId, sealed, now],
    );
  }

  /** This store as the place the replicas of an appId share their ERP token. */
  sharedTokens(clock: Clock): SharedTokenStore {
    return {
      load: (appId) => this.loadSealedToken(appId),
      save: (appId, sealed) => this.saveSealedToken(appId, sealed, new Date(clock.now()).toISOString()),
      withLock: (name, fn) => this.db.withLock(name, fn),
    };
  }

  // ---- retention -------------------------------------------------------------------------------

  /**
   * Personal data older than `before` is removed: MCF recipients and addresses are blanked, and
   * idempotency records (whose stored responses can hold addresses) are deleted.
   */
  async purgePersonalData(before: string, now: string): Promise<{ mcfOrders: number; idempotencyKeys: number }> {
    const mcf = await this.db.query(
      'UPDATE mcf_orders SET personal = NULL, personal_purged_at = $2, updated_at = $2 WHERE personal IS NOT NULL AND created_at < $1 RETURNING order_id',
      [before, now],
    );
    const keys = await this.db.query(
      `DELETE FROM idempotency_keys WHERE created_at < $1 AND state = 'done' RETURNING idem_key`,
      [before],
    );
    // notification ids only guard against redelivery, which Amazon does within hours, not weeks
    await this.db.query('DELETE FROM sp_api_notifications WHERE received_at < $1', [before]);
    return { mcfOrders: mcf.length, idempotencyKeys: keys.length };
  }
}
