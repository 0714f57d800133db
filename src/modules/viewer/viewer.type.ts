import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { AmazonRegion } from '../../graphql/amazon-region.enum';

/** A store's state at the ERP; the raw value is in `statusRaw`. */
export enum ErpStoreStatus {
  NORMAL = 'NORMAL',
  SYNC_STOPPED = 'SYNC_STOPPED',
  AUTHORIZATION_BROKEN = 'AUTHORIZATION_BROKEN',
  SUSPENDED = 'SUSPENDED',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(ErpStoreStatus, {
  name: 'ErpStoreStatus',
  description: "An ERP store's state. Only a NORMAL store takes MCF orders.",
  valuesConfig: {
    NORMAL: { description: 'Authorized and syncing.' },
    SYNC_STOPPED: { description: 'The ERP stopped syncing the store.' },
    AUTHORIZATION_BROKEN: {
      description: "The store's Amazon authorization no longer works: re-authorize it in the ERP.",
    },
    SUSPENDED: { description: 'Suspended at the ERP for arrears.' },
    UNKNOWN: { description: 'A state this gateway does not know yet; the raw value is in `statusRaw`.' },
  },
});

@ObjectType({ description: 'A seller whose SP-API authorization this gateway holds (FBA outbound orders).' })
export class ViewerSeller {
  @Field(() => String, { description: 'The Amazon merchant id.' }) sellerId!: string;
  @Field(() => AmazonRegion) region!: AmazonRegion;
  @Field(() => [String], { description: 'The marketplaces the authorization is used for.' }) marketplaceIds!: string[];
  @Field(() => String, {
    description: 'The Fulfillment Outbound version its orders go through: 2020-07-01 or 2026-07-04.',
  })
  fulfillmentOutboundVersion!: string;
}

@ObjectType({ description: 'An Amazon store the company authorized in the ERP (MCF orders, shipment confirmation).' })
export class ErpStore {
  @Field(() => String, { description: 'The store name `createMcfOrder` takes as `storeName`, e.g. `8speed-US`.' })
  name!: string;
  @Field(() => String, { description: 'The Amazon merchant id `submitFulfillment` takes as `sellerId`.' })
  sellerId!: string;
  @Field(() => AmazonRegion, { nullable: true }) region!: AmazonRegion | null;
  @Field(() => String, {
    nullable: true,
    description: 'The store country, ISO 3166-1 alpha-2 (`createMcfOrder.storeCountryCode`).',
  })
  countryCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The country as the ERP names it, e.g. `美国`.' })
  countryName!: string | null;
  @Field(() => String, { nullable: true }) marketplaceId!: string | null;
  @Field(() => ErpStoreStatus) status!: ErpStoreStatus;
  @Field(() => String, { nullable: true, description: 'The ERP’s status value as sent (0–3).' })
  statusRaw!: string | null;
}

@ObjectType({ description: 'Who is calling, and the sellers and ERP stores it may act for.' })
export class Viewer {
  @Field(() => String, { description: "The token's subject (`anonymous` when authentication is off)." })
  subject!: string;
  @Field(() => [String], { description: 'The scopes the token grants.' }) scopes!: string[];
  // sellers and stores are resolved on demand: the stores cost an ERP call when the cached list is old
}
