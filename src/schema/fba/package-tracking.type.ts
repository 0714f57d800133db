import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateRange } from './common.type';
import { AdditionalLocationInfo, PackageTrackingStatus, TrackingEventCode } from './enums';

@ObjectType()
export class TrackingAddress {
  @Field(() => String) city!: string;
  @Field(() => String) state!: string;
  @Field(() => String) country!: string;
}

@ObjectType()
export class TrackingEvent {
  @Field(() => DateTimeResolver) eventDate!: string;
  @Field(() => TrackingAddress) eventAddress!: TrackingAddress;
  @Field(() => TrackingEventCode.values) eventCode!: string;
  @Field(() => String, { description: 'The code as Amazon sent it; production sends codes newer than the model.' })
  eventCodeRaw!: string;
  @Field(() => String) eventDescription!: string;
}

@ObjectType({ description: 'Where a package is, from the carrier.' })
export class PackageTracking {
  @Field(() => Int) packageNumber!: number;
  @Field(() => String, { nullable: true }) trackingNumber?: string;
  @Field(() => String, { nullable: true }) customerTrackingLink?: string;
  @Field(() => String, { nullable: true }) carrierCode?: string;
  @Field(() => String, { nullable: true }) carrierPhoneNumber?: string;
  @Field(() => String, { nullable: true }) carrierURL?: string;
  @Field(() => DateTimeResolver, { nullable: true }) shipDate?: string;
  @Field(() => DateTimeResolver, { nullable: true }) estimatedArrivalDate?: string;
  @Field(() => TrackingAddress, { nullable: true }) shipToAddress?: TrackingAddress;
  @Field(() => PackageTrackingStatus.values, { nullable: true }) currentStatus?: string | null;
  @Field(() => String, { nullable: true }) currentStatusRaw?: string;
  @Field(() => String, { nullable: true }) currentStatusDescription?: string;
  @Field(() => DateRange, { nullable: true }) deliveryWindow?: DateRange;
  @Field(() => String, { nullable: true }) signedForBy?: string;
  @Field(() => AdditionalLocationInfo.values, { nullable: true }) additionalLocationInfo?: string | null;
  @Field(() => String, { nullable: true }) additionalLocationInfoRaw?: string;
  @Field(() => [TrackingEvent]) trackingEvents!: TrackingEvent[];
}
