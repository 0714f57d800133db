import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../decimal.scalar';
import { DropOffLocationType, FeatureFulfillmentPolicy } from './enums';

@ObjectType({ description: 'An amount of money. `value` is a decimal string.' })
export class Money {
  @Field(() => String, { description: 'ISO 4217 currency code.' }) currencyCode!: string;
  @Field(() => DecimalScalar) value!: string;
}

@ObjectType({ description: 'A weight. `value` is a decimal string.' })
export class Weight {
  @Field(() => String, { description: 'KG, KILOGRAMS, LB or POUNDS, as Amazon sends it.' }) unit!: string;
  @Field(() => DecimalScalar) value!: string;
}

@ObjectType({ description: 'A postal address (buyer data: shown to the seller, never logged).' })
export class FbaAddress {
  @Field(() => String) name!: string;
  @Field(() => String) addressLine1!: string;
  @Field(() => String, { nullable: true }) addressLine2?: string;
  @Field(() => String, { nullable: true }) addressLine3?: string;
  @Field(() => String, { nullable: true }) city?: string;
  @Field(() => String, { nullable: true }) districtOrCounty?: string;
  @Field(() => String, { nullable: true }) stateOrRegion?: string;
  @Field(() => String) postalCode!: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' }) countryCode!: string;
  @Field(() => String, { nullable: true }) phone?: string;
}

@ObjectType()
export class DeliveryWindow {
  @Field(() => DateTimeResolver) startDate!: string;
  @Field(() => DateTimeResolver) endDate!: string;
}

@ObjectType()
export class DateRange {
  @Field(() => DateTimeResolver) earliest!: string;
  @Field(() => DateTimeResolver) latest!: string;
}

@ObjectType({ description: 'Cash-on-delivery settings (JP only).' })
export class CodSettings {
  @Field(() => Boolean) isCodRequired!: boolean;
  @Field(() => Money, { nullable: true }) codCharge?: Money;
  @Field(() => Money, { nullable: true }) codChargeTax?: Money;
  @Field(() => Money, { nullable: true }) shippingCharge?: Money;
  @Field(() => Money, { nullable: true }) shippingChargeTax?: Money;
}

@ObjectType({ description: 'A fulfillment feature applied to an order or a preview.' })
export class FeatureConstraint {
  @Field(() => String, { nullable: true }) featureName?: string;
  @Field(() => FeatureFulfillmentPolicy.values, { nullable: true }) featureFulfillmentPolicy?: string | null;
  @Field(() => String, { nullable: true }) featureFulfillmentPolicyRaw?: string;
}

@ObjectType()
export class PaymentInformation {
  @Field(() => String) paymentTransactionId!: string;
  @Field(() => String) paymentMode!: string;
  @Field(() => DateTimeResolver) paymentDate!: string;
}

@ObjectType()
export class StringMapEntry {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

@ObjectType()
export class DropOffLocation {
  @Field(() => DropOffLocationType.values) type!: string;
  @Field(() => String) typeRaw!: string;
  @Field(() => [StringMapEntry]) attributes!: StringMapEntry[];
}

@ObjectType({ description: 'Relay page information.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'Always false: Amazon pages forward only.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
