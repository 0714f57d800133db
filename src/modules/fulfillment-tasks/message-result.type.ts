import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import type { ShipmentConfirmation } from './shipment-confirmation.type';

@ObjectType({
  description: "Amazon's outcome for one submitted order. The ERP lists only orders with errors or warnings.",
  implements: Node,
})
export class MessageResult {
  @Field(() => ID) messageId!: string;
  @Field(() => String, { description: '`Error` or `Warning`, as Amazon reports it.' }) resultCode!: string;
  @Field(() => String, { nullable: true }) resultMessageCode?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  // `shipment` is a field resolver (from the task registry)
  shipment?: ShipmentConfirmation | null;
}
