import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { AmazonRegion } from '../../graphql/amazon-region.enum';
import { ErpStore, ErpStoreStatus, Viewer, ViewerSeller } from './viewer.type';
import type { AsRoot } from '../../graphql/root';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, {
    description:
      'Who is calling, and the sellers and ERP stores it may act for: the pickers of a frontend. ' +
      '`sellers` are the configured SP-API sellers its `sellers` claim allows; `stores` are the ERP stores its `stores` claim allows.',
  })
  viewer(@Ctx() ctx: Context): Viewer {
    const { principal } = ctx.access;
    return { subject: principal.sub, scopes: [...principal.scopes].sort() };
  }

  @FieldResolver(() => [ViewerSeller], { description: 'Configured SP-API sellers the caller may act for.' })
  sellers(@Root() _viewer: AsRoot<Viewer>, @Ctx() ctx: Context): ViewerSeller[] {
    return ctx.directory.sellers
      .all()
      .filter((s) => ctx.access.mayActForSeller(s.sellerId))
      .map((s) => ({
        sellerId: s.sellerId,
        region: s.region as AmazonRegion,
        marketplaceIds: [...s.marketplaceIds],
        fulfillmentOutboundVersion: s.fulfillmentOutboundVersion ?? '2020-07-01',
      }));
  }

  @FieldResolver(() => [ErpStore], {
    description: 'ERP stores the caller may act for, as the ERP lists them (cached; ERP_STORES_REFRESH_MS).',
  })
  async stores(@Root() _viewer: AsRoot<Viewer>, @Ctx() ctx: Context): Promise<ErpStore[]> {
    const allowed = ctx.access.stores;
    // a caller with no store claims learns nothing from the ERP, and costs it nothing
    if (allowed !== '*' && allowed.size === 0) return [];
    const stores = await ctx.directory.stores.list();
    return stores
      .filter((s) => ctx.access.mayActForStore(s.name))
      .map((s) => ({
        name: s.name,
        sellerId: s.sellerId,
        region: s.region as AmazonRegion | null,
        countryCode: s.countryCode,
        countryName: s.countryName,
        marketplaceId: s.marketplaceId,
        status: ErpStoreStatus[s.state],
        statusRaw: s.stateRaw,
      }));
  }
}
