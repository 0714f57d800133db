import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { DecimalScalar } from '../../graphql/decimal.scalar';
import { PageInfo } from '../../graphql/page-info.type';
import { UserError } from '../../graphql/user-error.type';
import { McfDeliveryOperation, McfDeliveryService } from './mcf-order.enums';

@ObjectType()
export class McfRecipient {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@ObjectType()
export class McfAddress {
  @Field(() => String) countryCode!: string;
  @Field(() => String) stateOrRegion!: string;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String) addressLine1!: string;
  @Field(() => String, { nullable: true }) addressLine2?: string | null;
  @Field(() => String) postalCode!: string;
}

@ObjectType()
export class McfPackingSlip {
  @Field(() => String) orderId!: string;
  @Field(() => String, { description: 'A date (2022-12-09) or date-time (2025-04-09T14:30:45), as given.' })
  orderDate!: string;
  @Field(() => String, { nullable: true }) remark?: string | null;
}

@ObjectType()
export class McfOrderItem {
  @Field(() => String) msku!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => DecimalScalar, { nullable: true }) declaredValue?: string | null;
  @Field(() => String, { nullable: true }) declaredCurrency?: string | null;
}

@ObjectType({
  description: 'An Amazon multi-channel order created through the ERP, as this gateway submitted it.',
  implements: Node,
})
@Directive('@key(fields: "storeName orderId")')
export class McfOrder {
  @Field(() => String) storeName!: string;
  @Field(() => String) storeCountryCode!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => Boolean, { nullable: true }) blankBox?: boolean | null;
  @Field(() => Boolean, { nullable: true }) blockAmzl?: boolean | null;
  @Field(() => McfDeliveryOperation, { nullable: true }) deliveryOperation?: McfDeliveryOperation | null;
  @Field(() => McfDeliveryService, { nullable: true }) deliveryService?: McfDeliveryService | null;
  @Field(() => McfRecipient, {
    nullable: true,
    description: 'Null once the personal-data retention period has passed.',
  })
  recipient!: McfRecipient | null;
  @Field(() => McfAddress, { nullable: true, description: 'Null once the personal-data retention period has passed.' })
  address!: McfAddress | null;
  @Field(() => McfPackingSlip) packingSlip!: McfPackingSlip;
  @Field(() => String, { nullable: true }) remark?: string | null;
  @Field(() => [McfOrderItem]) items!: McfOrderItem[];
  @Field(() => DateTimeResolver) submittedAt!: string;
  @Field(() => String, { nullable: true, description: "The ERP's request id of the creating call." }) erpRequestId?:
    string | null;
  @Field(() => DateTimeResolver, { nullable: true }) personalDataPurgedAt?: string | null;
}

@ObjectType()
export class McfOrderEdge {
  @Field(() => String) cursor!: string;
  @Field(() => McfOrder) node!: McfOrder;
}

@ObjectType()
export class McfOrderConnection {
  @Field(() => [McfOrderEdge]) edges!: McfOrderEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType()
export class CreateMcfOrderPayload {
  @Field(() => McfOrder, { nullable: true }) order!: McfOrder | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
