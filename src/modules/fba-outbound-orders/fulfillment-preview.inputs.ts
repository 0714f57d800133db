import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsIP,
  IsInt,
  IsNotIn,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { Field, InputType, Int } from 'type-graphql';
import { UserErrorCode, type UserError } from '../../graphql/user-error.type';
import { IsCountryCode, IsNotBlank } from '../../graphql/validators';
import { DecimalScalar } from '../../graphql/decimal.scalar';

import { ShippingSpeedCategory } from './fba-outbound-order.enums';

import {
  FBA_LIMITS,
  FbaAddressInput,
  FeatureConstraintInput,
  MoneyInput,
  NOT_UNKNOWN,
  notUnknown,
  orderRules,
} from './fba-outbound-order.inputs';

@InputType()
export class FulfillmentPreviewItemInput {
  @Field(() => String) @IsNotBlank() @MaxLength(50) sellerSku!: string;
  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(FBA_LIMITS.int32)
  quantity!: number;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() perUnitDeclaredValue?: MoneyInput;
  @Field(() => String) @IsNotBlank() @MaxLength(50) sellerFulfillmentOrderItemId!: string;
}

@InputType({ description: 'What to preview (getFulfillmentPreview).' })
export class FulfillmentPreviewInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9]{9,20}$/, { message: 'marketplaceId must be an Amazon marketplace id' })
  marketplaceId?: string;
  @Field(() => FbaAddressInput) @ValidateNested() address!: FbaAddressInput;
  @Field(() => [FulfillmentPreviewItemInput])
  @ArrayNotEmpty({ message: 'items must contain at least one item' })
  @ArrayMaxSize(FBA_LIMITS.linesPerOrder)
  @ValidateNested({ each: true })
  items!: FulfillmentPreviewItemInput[];
  @Field(() => [ShippingSpeedCategory.values], { nullable: true })
  @IsOptional()
  @IsNotIn(NOT_UNKNOWN, { each: true, ...notUnknown })
  shippingSpeedCategories?: string[];
  @Field(() => Boolean, { nullable: true }) includeCODFulfillmentPreview?: boolean;
  @Field(() => Boolean, { nullable: true }) includeDeliveryWindows?: boolean;
  @Field(() => [FeatureConstraintInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  featureConstraints?: FeatureConstraintInput[];

  crossFieldErrors(): UserError[] {
    return orderRules({ destinationAddress: this.address, items: this.items }).map((e) => ({
      ...e,
      field: e.field?.[0] === 'destinationAddress' ? ['address', ...e.field.slice(1)] : e.field,
    }));
  }
}

@InputType()
export class DeliveryOfferAddressInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(60) addressLine1?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(60) addressLine2?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(60) addressLine3?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) city?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(150) districtOrCounty?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(150) stateOrRegion?: string;
  @Field(() => String) @IsNotBlank() @MaxLength(20) postalCode!: string;
  @Field(() => String) @IsCountryCode() countryCode!: string;
}

@InputType({ description: 'What to ask delivery offers for (deliveryOffers): a product, where it ships from and to.' })
export class DeliveryOffersInput {
  @Field(() => String) @IsNotBlank() @MaxLength(50) sellerSku!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Units (Eaches).' }) quantity?: string;
  @Field(() => String) @IsCountryCode() originCountryCode!: string;
  @Field(() => DeliveryOfferAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  destinationAddress?: DeliveryOfferAddressInput;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIP(undefined, { message: 'destinationIpAddress must be an IP address' })
  destinationIpAddress?: string;

  crossFieldErrors(): UserError[] {
    return this.destinationAddress || this.destinationIpAddress
      ? []
      : [
          {
            field: ['destinationAddress'],
            code: UserErrorCode.REQUIRED,
            message: 'give destinationAddress or destinationIpAddress',
          },
        ];
  }
}
