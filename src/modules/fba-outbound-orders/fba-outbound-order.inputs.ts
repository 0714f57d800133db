import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsEmail,
  IsISO4217CurrencyCode,
  IsInt,
  IsNotIn,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { UserErrorCode, type UserError } from '../../graphql/user-error.type';
import { IsCountryCode, IsNotBlank } from '../../graphql/validators';
import { DecimalScalar } from '../../graphql/decimal.scalar';
import { UNKNOWN } from './amazon-enum';
import {
  DropOffLocationType,
  FbaOutboundOrderStatus,
  FeatureFulfillmentPolicy,
  FulfillmentAction,
  FulfillmentPolicy,
  ShippingSpeedCategory,
} from './fba-outbound-order.enums';

/** Limits from the model (docs/upstreams/sp-api.md, "Limits checked before any call"). */
export const FBA_LIMITS = { linesPerOrder: 100, unitsPerOrder: 250, int32: 2_147_483_647 } as const;

export const NOT_UNKNOWN = [UNKNOWN];
export const notUnknown = { message: '$property does not accept UNKNOWN (an output-only value)' };
/** `#`, `+` and double spaces break Amazon's order lookups (docs/upstreams/sp-api.md). */
export const SAFE_ORDER_ID = /^(?!.* {2})(?! )(?!.* $)[^#+]+$/;
export const SAFE_ORDER_ID_MESSAGE =
  '$property must not contain "#", "+", two spaces in a row, or leading/trailing spaces';
/** displayableOrderId: ISO-8859-1 letters, digits and symbols, trimmed, no double spaces. */
const DISPLAYABLE_ID = /^(?!.* {2})(?! )(?!.* $)[\x20-\x7E\xA0-\xFF]+$/;

/** The order a change names: the seller, and the order's id as the seller chose it. */
@InputType()
export abstract class FbaOrderReferenceInput {
  @Field(() => String) sellerId!: string;
  @Field(() => ID)
  @IsNotBlank()
  @MaxLength(40)
  @Matches(SAFE_ORDER_ID, { message: SAFE_ORDER_ID_MESSAGE })
  sellerFulfillmentOrderId!: string;
}

@InputType()
export class MoneyInput {
  @Field(() => String) @IsISO4217CurrencyCode() currencyCode!: string;
  @Field(() => DecimalScalar, { description: 'Not negative; at most 13 digits before the point and 4 after.' })
  // prices, declared values, taxes and charges are amounts owed or paid: never below zero
  @Matches(/^\d/, { message: 'value must not be negative' })
  @Matches(/^-?\d{1,13}(\.\d{1,4})?$/, { message: 'value must have at most 13 digits before the point and 4 after' })
  value!: string;
}

@InputType()
export class FbaAddressInput {
  @Field(() => String) @IsNotBlank() @MaxLength(50) name!: string;
  @Field(() => String) @IsNotBlank() @MaxLength(60) addressLine1!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(60) addressLine2?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(60) addressLine3?: string;
  @Field(() => String, { nullable: true, description: 'Required except in Japan.' })
  @IsOptional()
  @MaxLength(50)
  city?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(150) districtOrCounty?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(150) stateOrRegion?: string;
  @Field(() => String) @IsNotBlank() @MaxLength(20) postalCode!: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' }) @IsCountryCode() countryCode!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) phone?: string;
}

@InputType()
export class DeliveryWindowInput {
  @Field(() => DateTimeResolver) startDate!: Date;
  @Field(() => DateTimeResolver) endDate!: Date;
}

@InputType()
export class FeatureConstraintInput {
  @Field(() => String) @IsNotBlank() featureName!: string;
  @Field(() => FeatureFulfillmentPolicy.values) @IsNotIn(NOT_UNKNOWN, notUnknown) featureFulfillmentPolicy!: string;
}

@InputType()
export class StringMapEntryInput {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

@InputType()
export class DropOffLocationInput {
  @Field(() => DropOffLocationType.values) @IsNotIn(NOT_UNKNOWN, notUnknown) type!: string;
  @Field(() => [StringMapEntryInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  attributes?: StringMapEntryInput[];
}

@InputType()
export class DeliveryPreferencesInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(250) deliveryInstructions?: string;
  @Field(() => DropOffLocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  dropOffLocation?: DropOffLocationInput;
}

@InputType()
export class CodSettingsInput {
  @Field(() => Boolean) isCodRequired!: boolean;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() codCharge?: MoneyInput;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() codChargeTax?: MoneyInput;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() shippingCharge?: MoneyInput;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() shippingChargeTax?: MoneyInput;
}

@InputType()
export class PaymentInformationInput {
  @Field(() => String) @IsNotBlank() paymentTransactionId!: string;
  @Field(() => String) @IsNotBlank() paymentMode!: string;
  @Field(() => DateTimeResolver) paymentDate!: Date;
}

@InputType()
export class FbaOrderItemInput {
  @Field(() => String) @IsNotBlank() @MaxLength(50) sellerSku!: string;
  @Field(() => String, { description: 'Your id for the line, unique within the order.' })
  @IsNotBlank()
  @MaxLength(50)
  sellerFulfillmentOrderItemId!: string;
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(FBA_LIMITS.int32)
  quantity!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(512) giftMessage?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(250) displayableComment?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) fulfillmentNetworkSku?: string;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() perUnitDeclaredValue?: MoneyInput;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() perUnitPrice?: MoneyInput;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() perUnitTax?: MoneyInput;
}

@InputType()
export class FbaOrderItemUpdateInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) sellerSku?: string;
  @Field(() => String) @IsNotBlank() @MaxLength(50) sellerFulfillmentOrderItemId!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(FBA_LIMITS.int32) quantity!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(512) giftMessage?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(250) displayableComment?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) fulfillmentNetworkSku?: string;
  @Field(() => String, { nullable: true }) @IsOptional() orderItemDisposition?: string;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() perUnitDeclaredValue?: MoneyInput;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() perUnitPrice?: MoneyInput;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() perUnitTax?: MoneyInput;
}

/** Rules across fields shared by create and update. */
export function orderRules(o: {
  shippingSpeedCategory?: string | null;
  fulfillmentAction?: string | null;
  deliveryWindow?: DeliveryWindowInput | null;
  destinationAddress?: FbaAddressInput | null;
  items?: Array<{ sellerFulfillmentOrderItemId: string; quantity: number }> | null;
  displayableOrderDate?: Date | null;
}): UserError[] {
  const errors: UserError[] = [];
  // scheduled delivery: shipped at once, in a window
  if (o.shippingSpeedCategory === 'SCHEDULED_DELIVERY') {
    if (o.fulfillmentAction === 'HOLD')
      errors.push({
        field: ['fulfillmentAction'],
        code: UserErrorCode.INVALID,
        message: 'ScheduledDelivery orders must use fulfillmentAction SHIP',
      });
    if (!o.deliveryWindow)
      errors.push({
        field: ['deliveryWindow'],
        code: UserErrorCode.REQUIRED,
        message: 'deliveryWindow is required for ScheduledDelivery',
      });
  }
  if (o.deliveryWindow && o.deliveryWindow.endDate <= o.deliveryWindow.startDate) {
    errors.push({
      field: ['deliveryWindow', 'endDate'],
      code: UserErrorCode.INVALID,
      message: 'deliveryWindow.endDate must be after startDate',
    });
  }
  // Amazon's address rule: a city everywhere but Japan
  const a = o.destinationAddress;
  if (a && a.countryCode !== 'JP' && !a.city?.trim())
    errors.push({
      field: ['destinationAddress', 'city'],
      code: UserErrorCode.REQUIRED,
      message: 'city is required outside Japan',
    });
  // lines: each id once, and at most FBA_LIMITS.unitsPerOrder units in all
  if (o.items) {
    const seen = new Map<string, number>();
    o.items.forEach((item, i) => {
      const first = seen.get(item.sellerFulfillmentOrderItemId);
      if (first !== undefined)
        errors.push({
          field: ['items', String(i), 'sellerFulfillmentOrderItemId'],
          code: UserErrorCode.DUPLICATE,
          message: `sellerFulfillmentOrderItemId ${item.sellerFulfillmentOrderItemId} is already used by items[${first}]`,
        });
      else seen.set(item.sellerFulfillmentOrderItemId, i);
    });
    const units = o.items.reduce((sum, item) => sum + item.quantity, 0);
    if (units > FBA_LIMITS.unitsPerOrder)
      errors.push({
        field: ['items'],
        code: UserErrorCode.TOO_LONG,
        message: `an order may hold at most ${FBA_LIMITS.unitsPerOrder} units (got ${units})`,
      });
  }
  return errors;
}

@InputType({ description: 'A new multi-channel fulfillment order (createFulfillmentOrder).' })
export class CreateFbaOutboundOrderInput {
  @Field(() => String, {
    nullable: true,
    description: 'A key you choose; a retry with the same key and input returns the first result.',
  })
  @IsOptional()
  @MaxLength(255)
  idempotencyKey?: string;
  @Field(() => String) sellerId!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9]{9,20}$/, { message: 'marketplaceId must be an Amazon marketplace id' })
  marketplaceId?: string;
  @Field(() => ID, { description: 'Your id for the order, unique per seller; at most 40 characters.' })
  @IsNotBlank()
  @MaxLength(40)
  @Matches(SAFE_ORDER_ID, { message: SAFE_ORDER_ID_MESSAGE })
  sellerFulfillmentOrderId!: string;
  @Field(() => String, { description: 'The order id shown to the buyer; ISO-8859-1, at most 40 characters.' })
  @IsNotBlank()
  @MaxLength(40)
  @Matches(DISPLAYABLE_ID, { message: '$property must be ISO-8859-1 text without leading, trailing or double spaces' })
  displayableOrderId!: string;
  @Field(() => DateTimeResolver) displayableOrderDate!: Date;
  @Field(() => String) @IsNotBlank() @MaxLength(750) displayableOrderComment!: string;
  @Field(() => ShippingSpeedCategory.values) @IsNotIn(NOT_UNKNOWN, notUnknown) shippingSpeedCategory!: string;
  @Field(() => DeliveryWindowInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  deliveryWindow?: DeliveryWindowInput;
  @Field(() => FbaAddressInput) @ValidateNested() destinationAddress!: FbaAddressInput;
  @Field(() => DeliveryPreferencesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  deliveryPreferences?: DeliveryPreferencesInput;
  @Field(() => FulfillmentAction.values, { nullable: true })
  @IsOptional()
  @IsNotIn(NOT_UNKNOWN, notUnknown)
  fulfillmentAction?: string;
  @Field(() => FulfillmentPolicy.values, { nullable: true })
  @IsOptional()
  @IsNotIn(NOT_UNKNOWN, notUnknown)
  fulfillmentPolicy?: string;
  @Field(() => CodSettingsInput, { nullable: true }) @IsOptional() @ValidateNested() codSettings?: CodSettingsInput;
  @Field(() => String, { nullable: true }) @IsOptional() @IsCountryCode() shipFromCountryCode?: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The sales channel the order comes from, at most 40 characters. Sent to Amazon for sellers on Fulfillment Outbound 2026-07-04; 2020-07-01 has no such field.',
  })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(40)
  channel?: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true, message: 'each notification email must be an email address' })
  @MaxLength(64, { each: true, message: 'each notification email must be at most 64 characters' })
  notificationEmails?: string[];
  @Field(() => [FeatureConstraintInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  featureConstraints?: FeatureConstraintInput[];
  @Field(() => [FbaOrderItemInput])
  @ArrayNotEmpty({ message: 'items must contain at least one item' })
  @ArrayMaxSize(FBA_LIMITS.linesPerOrder)
  @ValidateNested({ each: true })
  items!: FbaOrderItemInput[];
  @Field(() => [PaymentInformationInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  paymentInformation?: PaymentInformationInput[];

  crossFieldErrors(): UserError[] {
    return orderRules(this);
  }
}

@InputType({
  description: 'Changes to an order that is still on Hold (updateFulfillmentOrder). Omitted fields stay as they are.',
})
export class UpdateFbaOutboundOrderInput extends FbaOrderReferenceInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9]{9,20}$/, { message: 'marketplaceId must be an Amazon marketplace id' })
  marketplaceId?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(40)
  @Matches(DISPLAYABLE_ID, { message: '$property must be ISO-8859-1 text without leading, trailing or double spaces' })
  displayableOrderId?: string;
  @Field(() => DateTimeResolver, { nullable: true }) @IsOptional() displayableOrderDate?: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotBlank() @MaxLength(750) displayableOrderComment?: string;
  @Field(() => ShippingSpeedCategory.values, { nullable: true })
  @IsOptional()
  @IsNotIn(NOT_UNKNOWN, notUnknown)
  shippingSpeedCategory?: string;
  @Field(() => FbaAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  destinationAddress?: FbaAddressInput;
  @Field(() => FulfillmentAction.values, { nullable: true })
  @IsOptional()
  @IsNotIn(NOT_UNKNOWN, notUnknown)
  fulfillmentAction?: string;
  @Field(() => FulfillmentPolicy.values, { nullable: true })
  @IsOptional()
  @IsNotIn(NOT_UNKNOWN, notUnknown)
  fulfillmentPolicy?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsCountryCode() shipFromCountryCode?: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true, message: 'each notification email must be an email address' })
  @MaxLength(64, { each: true, message: 'each notification email must be at most 64 characters' })
  notificationEmails?: string[];
  @Field(() => [FeatureConstraintInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  featureConstraints?: FeatureConstraintInput[];
  @Field(() => [FbaOrderItemUpdateInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(FBA_LIMITS.linesPerOrder)
  @ValidateNested({ each: true })
  items?: FbaOrderItemUpdateInput[];

  crossFieldErrors(): UserError[] {
    return orderRules(this);
  }
}

@InputType()
export class CancelFbaOutboundOrderInput extends FbaOrderReferenceInput {}

@InputType()
export class SandboxSetFbaOutboundOrderStatusInput extends FbaOrderReferenceInput {
  @Field(() => FbaOutboundOrderStatus.values) @IsNotIn(NOT_UNKNOWN, notUnknown) status!: string;
}
