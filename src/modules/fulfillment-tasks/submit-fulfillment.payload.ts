import { Field, ObjectType } from 'type-graphql';
import { FulfillmentTask } from './fulfillment-task.type';
import { UserError } from '../../graphql/user-error.type';

@ObjectType()
export class SubmitFulfillmentPayload {
  @Field(() => FulfillmentTask, {
    nullable: true,
    description: 'The queued task; null when the submission was refused.',
  })
  task!: FulfillmentTask | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
