import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateRange } from './common.type';
import { AdditionalLocationInfo, PackageTrackingStatus, TrackingEventCode } from './fba-outbound-order.enums';

@ObjectType()
export class TrackingAddress {
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) state?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
}

@ObjectType()
export class TrackingEvent {
  @Field(() => DateTimeResolver, { nullable: true }) eventDate?: string | null;
  @Field(() => TrackingAddress, { nullable: true }) eventAddress?: TrackingAddress | null;
  @Field(() => TrackingEventCode.values, { nullable: true }) eventCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The code as Amazon sent it; production sends codes newer than the model.',
  })
  eventCodeRaw?: string | null;
  @Field(() => String, { nullable: true }) eventDescription?: string | null;
}

@ObjectType({ description: 'Where a package is, from the carrier.' })
export class PackageTracking {
  @Field(() => Int, { nullable: true }) packageNumber?: number | null;
  @Field(() => String, { nullable: true }) trackingNumber?: string | null;
  @Field(() => String, { nullable: true }) customerTrackingLink?: string | null;
  @Field(() => String, { nullable: true }) carrierCode?: string | null;
  @Field(() => String, { nullable: true }) carrierPhoneNumber?: string | null;
  @Field(() => String, { nullable: true }) carrierURL?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) shipDate?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) estimatedArrivalDate?: string | null;
  @Field(() => TrackingAddress, { nullable: true }) shipToAddress?: TrackingAddress | null;
  @Field(() => PackageTrackingStatus.values, { nullable: true }) currentStatus?: string | null;
  @Field(() => String, { nullable: true }) currentStatusRaw?: string | null;
  @Field(() => String, { nullable: true }) currentStatusDescription?: string | null;
  @Field(() => DateRange, { nullable: true }) deliveryWindow?: DateRange | null;
  @Field(() => String, { nullable: true }) signedForBy?: string | null;
  @Field(() => AdditionalLocationInfo.values, { nullable: true }) additionalLocationInfo?: string | null;
  @Field(() => String, { nullable: true }) additionalLocationInfoRaw?: string | null;
  @Field(() => [TrackingEvent]) trackingEvents!: TrackingEvent[];
}
