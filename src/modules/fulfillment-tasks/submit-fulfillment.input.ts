import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MARKETPLACES } from '../../domain/marketplaces';
import { AmazonRegion } from '../../graphql/amazon-region.enum';
import { UserErrorCode, type UserError } from '../../graphql/user-error.type';
import { duplicateLines, IsNotBlank } from '../../graphql/validators';

/** Limits that keep one submission to one reasonable Amazon feed. */
export const SUBMISSION_LIMITS = { shipments: 200, itemsPerShipment: 100, quantity: 10_000 } as const;

export const SELLER_ID = /^[A-Z0-9]{6,20}$/;
export const MARKETPLACE_ID = /^[A-Z0-9]{9,20}$/;
/** The ERP's 标发记录id: a positive integer of at most 19 digits (docs/upstreams/lingxing.md), kept as a string. */
export const MESSAGE_ID = /^[1-9][0-9]{0,18}$/;

@InputType({ description: 'One order line to confirm as shipped.' })
export class ShipmentConfirmationItemInput {
  @Field(() => String, { description: "Amazon's order item id." })
  @IsNotBlank()
  @MaxLength(50)
  orderItemId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(SUBMISSION_LIMITS.quantity)
  quantity!: number;
}

@InputType({ description: 'One order to confirm as shipped.' })
export class ShipmentConfirmationInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The 标发记录id (a positive integer of at most 19 digits, as a string). Generated when omitted.',
  })
  @IsOptional()
  @Matches(MESSAGE_ID, { message: 'messageId must be a positive integer of at most 19 digits' })
  messageId?: string | null;

  @Field(() => String)
  @IsNotBlank()
  @MaxLength(50)
  amazonOrderId!: string;

  @Field(() => String)
  @IsNotBlank()
  @MaxLength(100)
  trackingNumber!: string;

  @Field(() => String, { description: 'Required: the ERP rejects an empty carrier code.' })
  @IsNotBlank()
  @MaxLength(100)
  carrierCode!: string;

  @Field(() => String)
  @IsNotBlank()
  @MaxLength(100)
  carrierName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  shippingService?: string | null;

  @Field(() => [ShipmentConfirmationItemInput])
  @ArrayNotEmpty({ message: 'items must contain at least one item' })
  @ArrayMaxSize(SUBMISSION_LIMITS.itemsPerShipment)
  @ValidateNested({ each: true })
  items!: ShipmentConfirmationItemInput[];
}

@InputType({ description: 'Orders to confirm as shipped in one asynchronous ERP task.' })
export class SubmitFulfillmentInput {
  @Field(() => String, {
    nullable: true,
    description: 'A key you choose; a retry with the same key and input returns the first result.',
  })
  @IsOptional()
  @Length(1, 255)
  idempotencyKey?: string | null;

  @Field(() => AmazonRegion, {
    nullable: true,
    description:
      "The seller's region at the ERP. Omitted: taken from the ERP's store of this seller in this marketplace (`viewer.stores`).",
  })
  @IsOptional()
  region?: AmazonRegion | null;

  @Field(() => String, { description: 'The Amazon merchant id, e.g. `A1MQMW3JWPNCBX`.' })
  @Matches(SELLER_ID, { message: 'sellerId must be an Amazon merchant id (6 to 20 upper-case letters and digits)' })
  sellerId!: string;

  @Field(() => String)
  @Matches(MARKETPLACE_ID, {
    message: 'marketplaceId must be an Amazon marketplace id (9 to 20 upper-case letters and digits)',
  })
  marketplaceId!: string;

  @Field(() => [ShipmentConfirmationInput])
  @ArrayNotEmpty({ message: 'shipments must contain at least one shipment' })
  @ArrayMaxSize(SUBMISSION_LIMITS.shipments)
  @ValidateNested({ each: true })
  shipments!: ShipmentConfirmationInput[];

  /** Rules across fields: message ids unique within the submission; a known marketplace in the region. */
  crossFieldErrors(): UserError[] {
    const errors: UserError[] = [];
    const known = MARKETPLACES[this.marketplaceId];
    if (known && this.region && known.region !== (this.region as string)) {
      errors.push({
        field: ['marketplaceId'],
        code: UserErrorCode.INVALID,
        message: `marketplace ${this.marketplaceId} (${known.country}) is in region ${known.region}, not ${this.region}`,
      });
    }
    this.shipments.forEach((s, i) =>
      errors.push(
        ...duplicateLines(
          s.items,
          (item) => item.orderItemId,
          (j) => ['shipments', String(i), 'items', String(j), 'orderItemId'],
          'orderItemId',
          `shipments[${i}].items`,
        ),
      ),
    );
    const firstIndex = new Map<string, number>();
    this.shipments.forEach((s, i) => {
      if (!s.messageId) return;
      const first = firstIndex.get(s.messageId);
      if (first === undefined) firstIndex.set(s.messageId, i);
      else
        errors.push({
          field: ['shipments', String(i), 'messageId'],
          code: UserErrorCode.DUPLICATE,
          message: `messageId ${s.messageId} is already used by shipments[${first}]`,
        });
    });
    return errors;
  }
}
