import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type';
import { FulfillmentTaskStatus } from './fulfillment-task-status.enum';
import { FulfillmentTask } from './fulfillment-task.type';

@ObjectType()
export class FulfillmentTaskEdge {
  @Field(() => String) cursor!: string;
  @Field(() => FulfillmentTask) node!: FulfillmentTask;
}

@ObjectType({ description: 'Tasks this gateway submitted, newest first.' })
export class FulfillmentTaskConnection {
  @Field(() => [FulfillmentTaskEdge]) edges!: FulfillmentTaskEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ArgsType()
export class RecentFulfillmentTasksArgs {
  @Field(() => String) sellerId!: string;
  @Field(() => FulfillmentTaskStatus, { nullable: true, description: 'Only tasks in this status, as last refreshed.' })
  status?: FulfillmentTaskStatus;
  @Field(() => Int, { nullable: true, description: 'At most 100; default 20.' }) first?: number;
  @Field(() => String, { nullable: true }) after?: string;
}
