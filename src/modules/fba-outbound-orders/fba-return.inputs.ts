import { ArrayMaxSize, ArrayNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';

import { Field, InputType } from 'type-graphql';
import { UserErrorCode, type UserError } from '../../graphql/user-error.type';
import { IsNotBlank } from '../../graphql/validators';

import { FBA_LIMITS, FbaOrderReferenceInput } from './fba-outbound-order.inputs';

@InputType()
export class FbaReturnItemInput {
  @Field(() => String, { description: 'Your id for this return line, unique per seller.' })
  @IsNotBlank()
  @MaxLength(80)
  sellerReturnItemId!: string;
  @Field(() => String) @IsNotBlank() @MaxLength(50) sellerFulfillmentOrderItemId!: string;
  @Field(() => String) @IsNotBlank() amazonShipmentId!: string;
  @Field(() => String, { description: 'One of `returnReasonCodes`.' }) @IsNotBlank() returnReasonCode!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) returnComment?: string;
}

@InputType()
export class CreateFbaFulfillmentReturnInput extends FbaOrderReferenceInput {
  @Field(() => [FbaReturnItemInput])
  @ArrayNotEmpty({ message: 'items must contain at least one item' })
  @ArrayMaxSize(FBA_LIMITS.linesPerOrder)
  @ValidateNested({ each: true })
  items!: FbaReturnItemInput[];

  crossFieldErrors(): UserError[] {
    const errors: UserError[] = [];
    const seen = new Set<string>();
    this.items.forEach((item, i) => {
      if (seen.has(item.sellerReturnItemId))
        errors.push({
          field: ['items', String(i), 'sellerReturnItemId'],
          code: UserErrorCode.DUPLICATE,
          message: `sellerReturnItemId ${item.sellerReturnItemId} is used twice`,
        });
      seen.add(item.sellerReturnItemId);
    });
    return errors;
  }
}
