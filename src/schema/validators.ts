import { ValidateBy, buildMessage, isISO31661Alpha2, type ValidationOptions } from 'class-validator';

/** Present and not only white space. Reported as code REQUIRED. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: buildMessage((each) => `${each}$property must not be blank`, options),
      },
    },
    options,
  );
}

/** An ISO 3166-1 alpha-2 country code in upper case, as Amazon requires (`US`, not `us`). */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^[A-Z]{2}$/.test(value) && isISO31661Alpha2(value),
        defaultMessage: buildMessage((each) => `${each}$property must be an ISO 3166-1 alpha-2 code`, options),
      },
    },
    options,
  );
}
