import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { DateRange } from './common.type';

@ObjectType()
export class DeliveryMessage {
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => String, { nullable: true }) locale?: string | null;
}

@ObjectType()
export class DeliveryPolicy {
  @Field(() => DeliveryMessage, { nullable: true }) message?: DeliveryMessage | null;
}

@ObjectType({ description: 'A delivery promise Amazon can make for a product to a destination.' })
export class DeliveryOffer {
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt?: string | null;
  @Field(() => DateRange, { nullable: true }) dateRange?: DateRange | null;
  @Field(() => DeliveryPolicy, { nullable: true }) policy?: DeliveryPolicy | null;
}
