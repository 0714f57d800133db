import type { Db } from './db';

/**
 * Versioned schema changes, applied in order at start-up, each in its own transaction, each
 * once. Append; never edit an applied one. Types are the common subset of SQLite and PostgreSQL:
 * TEXT (timestamps as ISO-8601 UTC, JSON documents), INTEGER.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; statements: string[] }> = [
  {
    version: 1,
    name: 'task registry, idempotency keys, MCF orders',
    statements: [
      `CREATE TABLE fulfillment_tasks (
         seller_id TEXT NOT NULL,
         task_id TEXT NOT NULL,
         region TEXT NOT NULL,
         marketplace_id TEXT NOT NULL,
         status TEXT NOT NULL,
         failure_reason TEXT,
         feed_status_code TEXT,
         shipments TEXT NOT NULL,
         created_at TEXT NOT NULL,
         updated_at TEXT NOT NULL,
         finished_at TEXT,
         next_poll_at TEXT,
         poll_attempts INTEGER NOT NULL DEFAULT 0,
         PRIMARY KEY (seller_id, task_id)
       )`,
      'CREATE INDEX fulfillment_tasks_recent ON fulfillment_tasks (seller_id, created_at, task_id)',
      'CREATE INDEX fulfillment_tasks_poll ON fulfillment_tasks (next_poll_at)',
      `CREATE TABLE idempotency_keys (
         scope TEXT NOT NULL,
         idem_key TEXT NOT NULL,
         request_hash TEXT NOT NULL,
         state TEXT NOT NULL,
         response TEXT,
         lease_until TEXT NOT NULL,
         created_at TEXT NOT NULL,
         updated_at TEXT NOT NULL,
         PRIMARY KEY (scope, idem_key)
       )`,
      'CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)',
      `CREATE TABLE mcf_orders (
         store_name TEXT NOT NULL,
         order_id TEXT NOT NULL,
         store_country_code TEXT NOT NULL,
         details TEXT NOT NULL,
         personal TEXT,
         erp_request_id TEXT,
         created_at TEXT NOT NULL,
         updated_at TEXT NOT NULL,
         personal_purged_at TEXT,
         PRIMARY KEY (store_name, order_id)
       )`,
      'CREATE INDEX mcf_orders_recent ON mcf_orders (created_at, store_name, order_id)',
    ],
  },
  {
    version: 2,
    name: 'ERP tokens shared by the replicas of one appId',
    statements: [
      `CREATE TABLE erp_tokens (
         app_id TEXT PRIMARY KEY,
         sealed TEXT NOT NULL,
         updated_at TEXT NOT NULL
       )`,
    ],
  },
  {
    version: 3,
    name: 'subscribed tasks polled fast; SP-API notifications seen once',
    statements: [
      'ALTER TABLE fulfillment_tasks ADD COLUMN watched_until TEXT',
      `CREATE TABLE sp_api_notifications (
         notification_id TEXT PRIMARY KEY,
         seller_id TEXT NOT NULL,
         seller_fulfillment_order_id TEXT NOT NULL,
         received_at TEXT NOT NULL
       )`,
      'CREATE INDEX sp_api_notifications_received ON sp_api_notifications (received_at)',
    ],
  },
  {
    version: 4,
    name: 'SP-API notifications seen once per seller',
    // a NotificationId is one seller's: another seller's notification with the same id is news
    statements: [
      `CREATE TABLE sp_api_notifications_by_seller (
         notification_id TEXT NOT NULL,
         seller_id TEXT NOT NULL,
         seller_fulfillment_order_id TEXT NOT NULL,
         received_at TEXT NOT NULL,
         PRIMARY KEY (seller_id, notification_id)
       )`,
      `INSERT INTO sp_api_notifications_by_seller (notification_id, seller_id, seller_fulfillment_order_id, received_at)
       SELECT notification_id, seller_id, seller_fulfillment_order_id, received_at FROM sp_api_notifications`,
      'DROP TABLE sp_api_notifications',
      'ALTER TABLE sp_api_notifications_by_seller RENAME TO sp_api_notifications',
      'CREATE INDEX sp_api_notifications_received ON sp_api_notifications (received_at)',
    ],
  },
  {
    version: 5,
    name: "finished tasks keep the ERP's results",
    // a finished task never changes at the ERP: what it said is read from here from then on
    statements: ['ALTER TABLE fulfillment_tasks ADD COLUMN result TEXT'],
  },
];

export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(
    async (tx) => {
      await tx.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const applied = new Set((await tx.query('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
      const now: number[] = [];
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        for (const statement of m.statements) await tx.query(statement);
        await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
        now.push(m.version);
      }
      return now;
    },
    { lock: true },
  );
}
