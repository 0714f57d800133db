import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum UserErrorCode {
  INVALID = 'INVALID',
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  DUPLICATE = 'DUPLICATE',
  UPSTREAM_REJECTED = 'UPSTREAM_REJECTED',
  UNKNOWN_SELLER = 'UNKNOWN_SELLER',
  NOT_FOUND = 'NOT_FOUND',
  ORDER_EXISTS = 'ORDER_EXISTS',
  NOT_UPDATABLE = 'NOT_UPDATABLE',
  NOT_CANCELLABLE = 'NOT_CANCELLABLE',
  ALREADY_CANCELLED = 'ALREADY_CANCELLED',
  NOT_RETURNABLE = 'NOT_RETURNABLE',
  SANDBOX_ONLY = 'SANDBOX_ONLY',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  UNKNOWN_STORE = 'UNKNOWN_STORE',
  STORE_NOT_AVAILABLE = 'STORE_NOT_AVAILABLE',
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
    UNKNOWN_SELLER: { description: 'No SP-API authorization is configured for this sellerId.' },
    NOT_FOUND: { description: 'The order (or other object) does not exist for this seller.' },
    ORDER_EXISTS: { description: 'The order id is already taken by a different order.' },
    NOT_UPDATABLE: { description: 'The order can no longer be updated (it is no longer on hold).' },
    NOT_CANCELLABLE: { description: 'The order can no longer be cancelled (it is processing or done).' },
    ALREADY_CANCELLED: { description: 'The order was already cancelled.' },
    NOT_RETURNABLE: {
      description: 'Amazon will not take this item back (not shipped, already returned, or not part of the order).',
    },
    SANDBOX_ONLY: { description: 'The operation exists only for sellers on a sandbox endpoint.' },
    IDEMPOTENCY_KEY_REUSED: { description: 'The idempotencyKey was already used with a different input.' },
    UNKNOWN_STORE: {
      description: 'The ERP lists no store of this name (or no store of this seller in this marketplace).',
    },
    STORE_NOT_AVAILABLE: {
      description:
        'The ERP store is not NORMAL (sync stopped, authorization broken or suspended): see `viewer.stores`.',
    },
  },
});

@ObjectType({ description: 'An expected business failure of a mutation: invalid input or an upstream refusal.' })
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description:
      'The path into the mutation\'s `input` of the field at fault, e.g. `["shipments", "0", "carrierCode"]`.',
  })
  field!: string[] | null;

  @Field(() => String)
  message!: string;

  @Field(() => UserErrorCode)
  code!: UserErrorCode;
}
