import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum UserErrorCode {
  INVALID = 'INVALID',
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  DUPLICATE = 'DUPLICATE',
  UPSTREAM_REJECTED = 'UPSTREAM_REJECTED',
}

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why an input was refused. Branch on the code; the message is for people.',
  valuesConfig: {
    INVALID: { description: 'A value is malformed or not allowed.' },
    REQUIRED: { description: 'A required value is missing or blank.' },
    TOO_LONG: { description: 'A value or list is longer than allowed.' },
    OUT_OF_RANGE: { description: 'A number is outside its allowed range.' },
    DUPLICATE: { description: 'A value must be unique within the input.' },
    UPSTREAM_REJECTED: { description: 'The upstream refused the content of the request.' },
  },
});

@ObjectType({ description: 'An expected business failure of a mutation: invalid input or an upstream refusal.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'The path into the mutation\'s `input` of the field at fault, e.g. `["shipments", "0", "carrierCode"]`.' })
  field!: string[] | null;

  @Field(() => String)
  message!: string;

  @Field(() => UserErrorCode)
  code!: UserErrorCode;
}
