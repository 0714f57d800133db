import { ValidateBy, buildMessage, isISO31661Alpha2, type ValidationOptions } from 'class-validator';
import { UserErrorCode, type UserError } from './user-error.type';

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

/**
 * A line id used twice in one list (an order item confirmed twice in one shipment, an MSKU twice
 * in one order): each repeat is a DUPLICATE userError at its own path, naming the first use.
 */
export function duplicateLines<T>(
  lines: readonly T[],
  id: (line: T) => string | undefined,
  path: (index: number) => string[],
  name: string,
  list: string,
): UserError[] {
  const first = new Map<string, number>();
  const errors: UserError[] = [];
  lines.forEach((line, i) => {
    const key = id(line);
    if (key === undefined) return;
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    else
      errors.push({
        field: path(i),
        code: UserErrorCode.DUPLICATE,
        message: `${name} is already used by ${list}[${at}]`,
      });
  });
  return errors;
}
