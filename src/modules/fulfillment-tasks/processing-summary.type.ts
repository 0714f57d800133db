import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "Amazon's processing summary of the feed behind a task." })
export class ProcessingSummary {
  @Field(() => Int) processed!: number;
  @Field(() => Int) successful!: number;
  @Field(() => Int) withError!: number;
  @Field(() => Int) withWarning!: number;
}
