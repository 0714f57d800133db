import type { TaskResultRecord } from '../../upstreams/lingxing/fulfillment';
import type { StoredTask, StoredTaskResult } from '../../store/repository';
import { TaskStatus } from '../../domain/task-status';

/** What the registry knows of tasks, between the ERP's records and the stored rows. */

const TERMINAL = new Set<string>([TaskStatus.DONE, TaskStatus.FATAL, TaskStatus.CANCELLED]);
export const isTerminalTaskStatus = (status: string) => TERMINAL.has(status);

/** What the registry keeps of a finished task's ERP record. */
export function resultOf(record: TaskResultRecord): StoredTaskResult {
  const shipTime = record.shipTime as Date | string | null;
  return {
    shipTime: shipTime === null ? null : typeof shipTime === 'string' ? shipTime : shipTime.toISOString(),
    summary: record.summary,
    results: record.results,
  };
}

/** A finished task as the ERP reported it, from the registry alone; null when the registry does not hold it. */
export function finishedFromStored(t: StoredTask): TaskResultRecord | null {
  if (!isTerminalTaskStatus(t.status) || !t.result) return null;
  return {
    taskId: t.taskId,
    status: t.status as TaskStatus,
    failureReason: t.failureReason,
    feedStatusCode: t.feedStatusCode,
    shipTime: t.result.shipTime ? new Date(t.result.shipTime) : null,
    summary: t.result.summary,
    results: t.result.results,
  };
}

/** The registry's view of a task, in the ERP's shape (no per-order results until it is final). */
export function fromStored(t: StoredTask): TaskResultRecord {
  return {
    taskId: t.taskId,
    status: t.status as TaskStatus,
    failureReason: t.failureReason,
    feedStatusCode: t.feedStatusCode,
    shipTime: null,
    summary: null,
    results: [],
  };
}
