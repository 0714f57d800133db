import { Field, ID, ObjectType } from 'type-graphql';
import { ShipmentConfirmation } from './shipment-confirmation.type';

@ObjectType({ description: "Amazon's outcome for one submitted order. The ERP lists only orders with errors or warnings." })
export class MessageResult {
  @Field(() => ID) messageId!: string;
  @Field(() => String, { description: '`Error` or `Warning`, as Amazon reports it.' }) resultCode!: string;
  @Field(() => String, { nullable: true }) resultMessageCode?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ShipmentConfirmation, { nullable: true, description: 'The submitted order this result is about, when this gateway knows the submission.' })
  shipment?: ShipmentConfirmation | null;
}
