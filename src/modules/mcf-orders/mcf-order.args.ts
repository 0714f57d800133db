import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class McfOrderArgs {
  @Field(() => String) storeName!: string;
  @Field(() => ID) orderId!: string;
}

@ArgsType()
export class McfOrdersArgs {
  @Field(() => String, { nullable: true }) storeName?: string;
  @Field(() => Int, { nullable: true, description: 'At most 100; default 20.' }) first?: number;
  @Field(() => String, { nullable: true }) after?: string;
}
