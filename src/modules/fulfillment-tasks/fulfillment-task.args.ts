import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class FulfillmentTaskArgs {
  @Field(() => String, { description: 'The Amazon merchant id, e.g. `A1MQMW3JWPNCBX`.' })
  sellerId!: string;

  @Field(() => ID)
  taskId!: string;
}

@ArgsType()
export class FulfillmentTasksArgs {
  @Field(() => String, { description: 'The Amazon merchant id, e.g. `A1MQMW3JWPNCBX`.' })
  sellerId!: string;

  @Field(() => [ID], { description: 'At most 100 ids; duplicates are looked up once.' })
  taskIds!: string[];
}
