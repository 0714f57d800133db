import { validate, type ValidationError } from 'class-validator';
import { BadUserInputError } from '../errors';
import { UserErrorCode, type UserError } from './user-error.type';

/** class-validator constraint → user error code; anything unlisted is INVALID. */
const CODE_BY_CONSTRAINT: Readonly<Record<string, UserErrorCode>> = {
  isNotBlank: UserErrorCode.REQUIRED,
  isNotEmpty: UserErrorCode.REQUIRED,
  isDefined: UserErrorCode.REQUIRED,
  arrayNotEmpty: UserErrorCode.REQUIRED,
  maxLength: UserErrorCode.TOO_LONG,
  arrayMaxSize: UserErrorCode.TOO_LONG,
  min: UserErrorCode.OUT_OF_RANGE,
  max: UserErrorCode.OUT_OF_RANGE,
  isPositive: UserErrorCode.OUT_OF_RANGE,
};

interface CrossFieldChecked {
  crossFieldErrors(): UserError[];
}

/**
 * Validates a mutation input (an instance of its `@InputType` class, nested inputs included) and
 * returns every problem as a `UserError` whose `field` is the path into the input.
 */
export async function validateInput(input: object): Promise<UserError[]> {
  const errors: UserError[] = [];
  const walk = (list: ValidationError[], path: string[]) => {
    for (const e of list) {
      const here = [...path, e.property];
      for (const [constraint, message] of Object.entries(e.constraints ?? {})) {
        errors.push({ field: here, message, code: CODE_BY_CONSTRAINT[constraint] ?? UserErrorCode.INVALID });
      }
      walk(e.children ?? [], here);
    }
  };
  walk(await validate(input, { forbidUnknownValues: false, stopAtFirstError: true }), []);
  if (errors.length === 0 && 'crossFieldErrors' in input)
    errors.push(...(input as CrossFieldChecked).crossFieldErrors());
  return errors;
}

/** For query arguments: throws BAD_USER_INPUT naming the argument when `value` does not match. */
export function assertArgument(value: string, pattern: RegExp, field: string[], what: string): void {
  if (!pattern.test(value)) throw new BadUserInputError(`${field.join('.')} must be ${what}`, field);
}

/** For a query's input object: throws BAD_USER_INPUT with the path of the first problem (all of them in `extensions.problems`). */
export async function assertValidInput(input: object, argument: string): Promise<void> {
  const errors = await validateInput(input);
  if (errors.length === 0) return;
  const first = errors[0];
  const error = new BadUserInputError(first.message, [argument, ...(first.field ?? [])]);
  Object.assign(error.extensions, {
    problems: errors.map((e) => ({ field: [argument, ...(e.field ?? [])], message: e.message, code: e.code })),
  });
  throw error;
}
