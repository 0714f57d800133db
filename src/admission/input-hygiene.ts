import { getNullableType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';
import { BadUserInputError } from '../errors';
import { ENTITY_KEYS, type KeyRule } from '../graphql/keys';
import { parseGlobalId } from '../graphql/node';
import { UserErrorCode, type UserError } from '../graphql/user-error.type';

/**
 * Input hygiene at the schema edge, in one place (docs/api.md):
 * every root field's coerced arguments are checked before its resolver runs, so before any
 * upstream call, whichever way the operation came in.
 *
 * - Strings refuse C0 and C1 control characters (NUL, ESC, CR, LF, tab, DEL…), bidirectional
 *   overrides and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), zero-width and
 *   invisible characters (U+200B–U+200D, U+2060, U+FEFF) and lone surrogates. No field of this
 *   API takes them: ids, names, addresses, tracking numbers and remarks are single-line text that
 *   Amazon, carriers and the ERP print or match as typed.
 * - Global ids (`node(id:)`) and `_entities` representations are decoded by the same rules as the
 *   arguments they stand for: a forged key is BAD_USER_INPUT with its path, never an upstream call.
 */

const UNSAFE_UNITS =
  // eslint-disable-next-line no-control-regex -- the control characters are what this refuses
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character a string must not hold, as `U+XXXX`, or undefined when it is clean. */
export function unsafeCharacter(value: string): string | undefined {
  const m = UNSAFE_UNITS.exec(value);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** Every string in `value` that holds an unsafe character, with its path. */
function* unsafeStrings(value: unknown, path: string[]): Generator<{ path: string[]; character: string }> {
  if (typeof value === 'string') {
    const character = unsafeCharacter(value);
    if (character) yield { path, character };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* unsafeStrings(value[i], [...path, String(i)]);
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) yield* unsafeStrings(v, [...path, k]);
  }
}

const message = (path: string[], character: string) =>
  `${path[path.length - 1] ?? 'value'} must not contain control, bidirectional or invisible characters (found ${character})`;

/**
 * A mutation's refusal as its payload: the `userErrors` (paths into `input`), null for the
 * object, empty lists where the payload promises a list.
 */
export function refusedPayload(returnType: GraphQLOutputType, userErrors: UserError[]): Record<string, unknown> {
  const type = getNullableType(returnType);
  const payload: Record<string, unknown> = { userErrors };
  if (isObjectType(type))
    for (const [name, field] of Object.entries(type.getFields()))
      if (name !== 'userErrors') payload[name] = isNonNullType(field.type) && isListType(field.type.ofType) ? [] : null;
  return payload;
}

/**
 * Checks a root field's arguments. For a mutation the problems come back as userErrors (its
 * payload reports them); for a query or subscription the first one is thrown as BAD_USER_INPUT.
 */
export function checkEntryInput(args: Record<string, unknown>, mutation: boolean): UserError[] {
  const problems: UserError[] = [];
  for (const { path, character } of unsafeStrings(args, [])) {
    if (mutation) {
      // userErrors' paths start inside `input`
      const field = path[0] === 'input' ? path.slice(1) : path;
      problems.push({ field, message: message(path, character), code: UserErrorCode.INVALID });
    } else throw new BadUserInputError(message(path, character), path);
  }
  if (typeof args.id === 'string') checkGlobalId(args.id);
  if (Array.isArray(args.representations))
    args.representations.forEach((r, i) => checkRepresentation(r as Record<string, unknown>, i));
  return problems;
}

function checkKey(rule: KeyRule, value: unknown, path: string[]): void {
  if (typeof value !== 'string' || !rule.pattern.test(value))
    throw new BadUserInputError(`${path.join('.')} must be ${rule.what}`, path);
}

/** A global id this API issued, whose key parts are what the typed arguments accept. */
function checkGlobalId(id: string): void {
  const parsed = parseGlobalId(id);
  const rules = parsed && ENTITY_KEYS[parsed[0]];
  if (!parsed || !rules || parsed.length !== rules.length + 1)
    throw new BadUserInputError('id is not a global id this API issued', ['id']);
  rules.forEach((rule, i) => {
    const part = parsed[i + 1];
    if (!rule.pattern.test(part))
      throw new BadUserInputError(`id is not a global id this API issued (its ${rule.name} is not valid)`, ['id']);
  });
}

/** A federation representation: its key fields checked like the arguments they stand for. */
function checkRepresentation(r: Record<string, unknown> | null, i: number): void {
  const typename = r?.__typename;
  const rules = typeof typename === 'string' ? ENTITY_KEYS[typename] : undefined;
  if (!r || !rules) return; // federation itself answers an unknown type
  for (const rule of rules)
    if (rule.name !== 'key') checkKey(rule, r[rule.name], ['representations', String(i), rule.name]);
}
