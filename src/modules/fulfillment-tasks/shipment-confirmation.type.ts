import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';

@ObjectType({ description: 'One order line confirmed as shipped.' })
export class ShipmentConfirmationItem {
  @Field(() => String, { description: "Amazon's order item id." }) orderItemId!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType({ description: 'One order confirmed as shipped, as it was submitted.', implements: Node })
export class ShipmentConfirmation {
  @Field(() => ID, { description: 'The 标发记录id: results name it as `messageId`.' }) messageId!: string;
  @Field(() => String) amazonOrderId!: string;
  @Field(() => String) trackingNumber!: string;
  @Field(() => String) carrierCode!: string;
  @Field(() => String) carrierName!: string;
  @Field(() => String, { nullable: true }) shippingService?: string | null;
  @Field(() => [ShipmentConfirmationItem]) items!: ShipmentConfirmationItem[];
}
