import { TaskStatus } from '../../domain/task-status';

/**
 * The one place that maps the ERP's task states to `TaskStatus`.
 *
 * The ERP reports state twice, in different vocabularies:
 * - `task_status` from submitFulfillment: pending, in_process, done, fatal, cancelled (docs/upstreams/lingxing.md);
 * - `status_code` from getFulfillmentResult: Amazon's processing-report status, `Complete` in the
 *   documented example (docs/upstreams/lingxing.md); unfinished tasks carry the feed's processing status
 *   (IN_QUEUE, IN_PROGRESS, _DONE_, …) in the MWS and SP-API Feeds spellings.
 * Both are folded (lower case, `_` and spaces removed) and looked up here. Anything else is
 * UNKNOWN, and the raw value stays visible in `feedStatusCode`.
 */
const STATUS_BY_FOLDED: Readonly<Record<string, TaskStatus>> = {
  pending: TaskStatus.PENDING,
  inqueue: TaskStatus.PENDING,
  submitted: TaskStatus.PENDING,
  inprocess: TaskStatus.IN_PROCESS,
  inprogress: TaskStatus.IN_PROCESS,
  processing: TaskStatus.IN_PROCESS,
  awaitingasynchronousreply: TaskStatus.IN_PROCESS,
  done: TaskStatus.DONE,
  complete: TaskStatus.DONE,
  completed: TaskStatus.DONE,
  fatal: TaskStatus.FATAL,
  cancelled: TaskStatus.CANCELLED,
  canceled: TaskStatus.CANCELLED,
};

export function taskStatusFrom(raw: unknown, failure?: unknown): TaskStatus {
  const folded = typeof raw === 'string' ? raw.toLowerCase().replace(/[_\s]/g, '') : '';
  const status = STATUS_BY_FOLDED[folded];
  if (status) return status;
  // A task the ERP reports with a failure and no recognisable state has failed as a whole.
  if (!folded && typeof failure === 'string' && failure.length > 0) return TaskStatus.FATAL;
  return TaskStatus.UNKNOWN;
}
