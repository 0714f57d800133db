import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/decimal.scalar';
import { DropOffLocationType, FeatureFulfillmentPolicy } from './fba-outbound-order.enums';

@ObjectType({ description: 'An amount of money. `value` is a decimal string.' })
export class Money {
  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code.' }) currencyCode?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) value?: string | null;
}

@ObjectType({ description: 'A weight. `value` is a decimal string.' })
export class Weight {
  @Field(() => String, { nullable: true, description: 'KG, KILOGRAMS, LB or POUNDS, as Amazon sends it.' }) unit?:
    string | null;
  @Field(() => DecimalScalar, { nullable: true }) value?: string | null;
}

@ObjectType({ description: 'A postal address (buyer data: shown to the seller, never logged).' })
export class FbaAddress {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) addressLine1?: string | null;
  @Field(() => String, { nullable: true }) addressLine2?: string | null;
  @Field(() => String, { nullable: true }) addressLine3?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) districtOrCounty?: string | null;
  @Field(() => String, { nullable: true }) stateOrRegion?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' }) countryCode?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@ObjectType()
export class DeliveryWindow {
  @Field(() => DateTimeResolver, { nullable: true }) startDate?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) endDate?: string | null;
}

@ObjectType()
export class DateRange {
  @Field(() => DateTimeResolver, { nullable: true }) earliest?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) latest?: string | null;
}

@ObjectType({ description: 'Cash-on-delivery settings (JP only).' })
export class CodSettings {
  @Field(() => Boolean, { nullable: true }) isCodRequired?: boolean | null;
  @Field(() => Money, { nullable: true }) codCharge?: Money | null;
  @Field(() => Money, { nullable: true }) codChargeTax?: Money | null;
  @Field(() => Money, { nullable: true }) shippingCharge?: Money | null;
  @Field(() => Money, { nullable: true }) shippingChargeTax?: Money | null;
}

@ObjectType({ description: 'A fulfillment feature applied to an order or a preview.' })
export class FeatureConstraint {
  @Field(() => String, { nullable: true }) featureName?: string | null;
  @Field(() => FeatureFulfillmentPolicy.values, { nullable: true }) featureFulfillmentPolicy?: string | null;
  @Field(() => String, { nullable: true }) featureFulfillmentPolicyRaw?: string | null;
}

@ObjectType()
export class PaymentInformation {
  @Field(() => String, { nullable: true }) paymentTransactionId?: string | null;
  @Field(() => String, { nullable: true }) paymentMode?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) paymentDate?: string | null;
}

@ObjectType()
export class StringMapEntry {
  @Field(() => String, { nullable: true }) key?: string | null;
  @Field(() => String, { nullable: true }) value?: string | null;
}

@ObjectType()
export class DropOffLocation {
  @Field(() => DropOffLocationType.values, { nullable: true }) type?: string | null;
  @Field(() => String, { nullable: true }) typeRaw?: string | null;
  @Field(() => [StringMapEntry]) attributes!: StringMapEntry[];
}
