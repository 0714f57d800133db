import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsEmail,
  IsISO4217CurrencyCode,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { STORE_COUNTRY_NAMES } from '../../domain/store-countries';
import { DecimalScalar } from '../../graphql/decimal.scalar';
import { UserErrorCode, type UserError } from '../../graphql/user-error.type';
import { duplicateLines, IsCountryCode, IsNotBlank } from '../../graphql/validators';
import { McfDeliveryOperation, McfDeliveryService } from './mcf-order.enums';

const ORDER_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/;

@InputType()
export class McfRecipientInput {
  @Field(() => String) @IsNotBlank() @MaxLength(100) name!: string;
  @Field(() => String) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(100) email!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(30) phone?: string | null;
}

@InputType()
export class McfAddressInput {
  @Field(() => String) @IsCountryCode() countryCode!: string;
  @Field(() => String, { description: 'State or province, e.g. `AL-Alabama`.' })
  @IsNotBlank()
  @MaxLength(100)
  stateOrRegion!: string;
  @Field(() => String, { nullable: true, description: 'Required except in Japan.' })
  @IsOptional()
  @MaxLength(100)
  city?: string | null;
  @Field(() => String) @IsNotBlank() @MaxLength(200) addressLine1!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) addressLine2?: string | null;
  @Field(() => String) @IsNotBlank() @MaxLength(20) postalCode!: string;
}

@InputType()
export class McfPackingSlipInput {
  @Field(() => String) @IsNotBlank() @MaxLength(50) orderId!: string;
  @Field(() => String, { description: 'A date (2022-12-09) or a local date-time (2025-04-09T14:30:45).' })
  @Matches(ORDER_DATE, { message: 'orderDate must be a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:mm:ss)' })
  orderDate!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) remark?: string | null;
}

@InputType()
export class McfOrderItemInput {
  @Field(() => String) @IsNotBlank() @MaxLength(50) msku!: string;
  @Field(() => Int) @IsInt() @Min(1, { message: 'quantity must be at least 1' }) @Max(100_000) quantity!: number;
  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @Matches(/^\d/, { message: 'declaredValue must not be negative' })
  // at most 15 significant digits: the ERP parses the body into a double before checking the
  // signature, and only such values come back in the form that was signed
  @Matches(/^-?\d{1,12}(\.\d{1,3})?$/, {
    message: 'declaredValue must have at most 12 digits before the point and 3 after',
  })
  declaredValue?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsISO4217CurrencyCode() declaredCurrency?: string | null;
}

@InputType({ description: 'An Amazon multi-channel order to create through the ERP.' })
export class CreateMcfOrderInput {
  @Field(() => String, {
    nullable: true,
    description: 'A key you choose; a retry with the same key and input returns the first result.',
  })
  @IsOptional()
  @MaxLength(255)
  idempotencyKey?: string | null;
  @Field(() => String, { description: 'The ERP store name, e.g. `8speed-US`.' })
  @IsNotBlank()
  @MaxLength(100)
  storeName!: string;
  @Field(() => String, {
    description: `The store's country, ISO 3166-1 alpha-2: one of ${Object.keys(STORE_COUNTRY_NAMES).join(', ')}.`,
  })
  @IsCountryCode()
  storeCountryCode!: string;
  @Field(() => ID, { description: 'Your order id: the ERP returns none, so this identifies the order.' })
  @IsNotBlank()
  @MaxLength(50)
  @Matches(/^\S+$/, { message: 'orderId must not contain spaces' })
  orderId!: string;
  @Field(() => Boolean, { nullable: true }) blankBox?: boolean | null;
  @Field(() => Boolean, { nullable: true }) blockAmzl?: boolean | null;
  @Field(() => McfDeliveryOperation, { nullable: true }) deliveryOperation?: McfDeliveryOperation | null;
  @Field(() => McfDeliveryService, { nullable: true }) deliveryService?: McfDeliveryService | null;
  @Field(() => McfRecipientInput) @ValidateNested() recipient!: McfRecipientInput;
  @Field(() => McfAddressInput) @ValidateNested() address!: McfAddressInput;
  @Field(() => McfPackingSlipInput) @ValidateNested() packingSlip!: McfPackingSlipInput;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) remark?: string | null;
  @Field(() => [McfOrderItemInput])
  @ArrayNotEmpty({ message: 'items must contain at least one item' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  items!: McfOrderItemInput[];

  crossFieldErrors(): UserError[] {
    const errors: UserError[] = [];
    if (!STORE_COUNTRY_NAMES[this.storeCountryCode])
      errors.push({
        field: ['storeCountryCode'],
        code: UserErrorCode.INVALID,
        message: `storeCountryCode ${this.storeCountryCode} is not an Amazon store country`,
      });
    if (this.address.countryCode !== 'JP' && !this.address.city?.trim())
      errors.push({
        field: ['address', 'city'],
        code: UserErrorCode.REQUIRED,
        message: 'city is required outside Japan',
      });
    const [y, m, d] = this.packingSlip.orderDate.slice(0, 10).split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
      errors.push({
        field: ['packingSlip', 'orderDate'],
        code: UserErrorCode.INVALID,
        message: `orderDate ${this.packingSlip.orderDate} is not a calendar date`,
      });
    errors.push(
      ...duplicateLines(
        this.items,
        (item) => item.msku,
        (i) => ['items', String(i), 'msku'],
        'msku',
        'items',
      ),
    );
    this.items.forEach((item, i) => {
      if (item.declaredValue && !item.declaredCurrency)
        errors.push({
          field: ['items', String(i), 'declaredCurrency'],
          code: UserErrorCode.REQUIRED,
          message: 'declaredCurrency is required with declaredValue',
        });
    });
    return errors;
  }
}
