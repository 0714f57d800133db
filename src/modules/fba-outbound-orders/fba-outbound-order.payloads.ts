import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.type';
import {
  FbaInvalidReturnItem,
  FbaOutboundOrder,
  FbaReturnAuthorization,
  FbaReturnItem,
} from './fba-outbound-order.type';

@ObjectType()
export class FbaOutboundOrderPayload {
  @Field(() => FbaOutboundOrder, {
    nullable: true,
    description: 'The order as Amazon has it after the change; null when refused.',
  })
  order!: FbaOutboundOrder | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class CreateFbaFulfillmentReturnPayload {
  @Field(() => FbaOutboundOrder, { nullable: true }) order!: FbaOutboundOrder | null;
  @Field(() => [FbaReturnItem], { description: 'Items Amazon accepted for return.' }) returnItems!: FbaReturnItem[];
  @Field(() => [FbaInvalidReturnItem], {
    description: 'Items Amazon refused; each is also a userError on its input line.',
  })
  invalidReturnItems!: FbaInvalidReturnItem[];
  @Field(() => [FbaReturnAuthorization]) returnAuthorizations!: FbaReturnAuthorization[];
  @Field(() => [UserError]) userErrors!: UserError[];
}
