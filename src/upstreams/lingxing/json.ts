/**
 * JSON for the ERP, where ids can exceed 2^53 (docs/upstreams/lingxing.md).
 *
 * - `JsonInt` carries an integer as its decimal digits and is written unquoted, so an id
 *   documented as `[int]` is sent as a JSON number without ever passing through a JS number.
 * - `canonicalJson` writes compact JSON with object keys ASCII-sorted at every depth and drops
 *   `undefined`/`null` members, so the bytes we sign are the bytes we send (docs/upstreams/lingxing.md).
 * - `parseJson` keeps integers that a JS number cannot hold exactly as their source digits.
 */
export class JsonInt {
  constructor(readonly digits: string) {
    if (!/^-?(0|[1-9][0-9]*)$/.test(digits)) throw new TypeError(`not an integer: ${digits}`);
  }
}

/**
 * A decimal carried as its digits and written as a JSON number, for fields the ERP documents as
 * `[number]` (declared values): never through a binary float, and always in its shortest form
 * (`10.5`, not `10.50`; `10`, not `10.0`). The ERP parses the body before it checks the signature
 * and renders numbers that way, so trailing zeros would break the signature (docs/upstreams/lingxing.md).
 */
export class JsonDecimal {
  readonly digits: string;
  constructor(digits: string) {
    if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(digits)) throw new TypeError(`not a decimal: ${digits}`);
    const shortest = digits.includes('.') ? digits.replace(/0+$/, '').replace(/\.$/, '') : digits;
    this.digits = shortest === '-0' ? '0' : shortest;
  }
}

export type JsonValue =
  string | number | boolean | null | undefined | JsonInt | JsonDecimal | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: JsonValue): string {
  if (value instanceof JsonInt || value instanceof JsonDecimal) return value.digits;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.keys(value)
      .filter((k) => value[k] !== undefined && value[k] !== null)
      .sort(compareAscii)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number');
  return JSON.stringify(value);
}

/** Byte-wise ASCII order, not locale order. */
export function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type ReviverContext = { source?: string };

/** JSON.parse that returns unsafe integers as digit strings (uses the reviver's source text, Node ≥ 21). */
export function parseJson(text: string): unknown {
  return JSON.parse(text, function (this: unknown, _key: string, value: unknown, context?: ReviverContext) {
    if (
      typeof value === 'number' &&
      !Number.isSafeInteger(value) &&
      context?.source &&
      /^-?\d+$/.test(context.source)
    ) {
      return context.source;
    }
    return value;
  } as (this: unknown, key: string, value: unknown) => unknown);
}
