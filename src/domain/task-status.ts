/**
 * Where a shipment-confirmation (标发) task is, in the gateway's own vocabulary: the ERP reports
 * state in two vocabularies (`upstreams/lingxing/task-status.ts` folds both into this one). The
 * GraphQL enum `FulfillmentTaskStatus` is this enum, registered with its descriptions.
 */
export enum TaskStatus {
  PENDING = 'PENDING',
  IN_PROCESS = 'IN_PROCESS',
  DONE = 'DONE',
  FATAL = 'FATAL',
  CANCELLED = 'CANCELLED',
  UNKNOWN = 'UNKNOWN',
}
