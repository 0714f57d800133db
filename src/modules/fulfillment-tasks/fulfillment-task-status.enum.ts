import { registerEnumType } from 'type-graphql';
import { TaskStatus } from '../../domain/task-status';

/** The domain's task status (one enum for the ERP mapping, the store and the schema), as the GraphQL enum. */
export { TaskStatus as FulfillmentTaskStatus };

registerEnumType(TaskStatus, {
  name: 'FulfillmentTaskStatus',
  description:
    'Where a shipment-confirmation (标发) task is. DONE means the feed finished, not that every order succeeded: see `results`.',
  valuesConfig: {
    PENDING: { description: 'Queued at the ERP, not yet sent to Amazon.' },
    IN_PROCESS: { description: 'The ERP is submitting the feed to Amazon or waiting for its result.' },
    DONE: { description: 'The feed finished; per-order outcomes are in `results`.' },
    FATAL: { description: 'The feed failed as a whole; see `failureReason`.' },
    CANCELLED: { description: 'The ERP cancelled the task.' },
    UNKNOWN: { description: 'A status this gateway does not know yet; the raw value is in `feedStatusCode`.' },
  },
});
