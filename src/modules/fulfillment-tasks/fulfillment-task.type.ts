import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { FulfillmentTaskStatus } from './fulfillment-task-status.enum';
import { MessageResult } from './message-result.type';
import { ProcessingSummary } from './processing-summary.type';
import type { ShipmentConfirmation } from './shipment-confirmation.type';

@ObjectType({ description: 'An asynchronous shipment-confirmation (标发) task at the ERP.', implements: Node })
@Directive('@key(fields: "sellerId taskId")')
export class FulfillmentTask {
  @Field(() => String, { description: 'The Amazon merchant id the task belongs to.' }) sellerId!: string;
  @Field(() => ID) taskId!: string;
  @Field(() => FulfillmentTaskStatus) status!: FulfillmentTaskStatus;
  @Field(() => String, { nullable: true }) failureReason?: string | null;
  @Field(() => String, { nullable: true, description: "The ERP's raw feed status (e.g. `Complete`, `IN_PROGRESS`)." })
  feedStatusCode?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) shipTime?: Date | null;
  @Field(() => ProcessingSummary, { nullable: true }) summary?: ProcessingSummary | null;
  @Field(() => [MessageResult], {
    description: 'Per-order outcomes with errors or warnings; empty until the task is DONE.',
  })
  results!: MessageResult[];
  // `shipments` is a field resolver (from the task registry)
  shipments?: ShipmentConfirmation[];
}
