import { GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
/** What an input may hold: at most 30 digits before the point and 10 after (each field narrows it further). */
const DECIMAL_INPUT = /^-?(0|[1-9]\d{0,29})(\.\d{1,10})?$/;
const INPUT_MESSAGE =
  'Decimal must be a string of at most 30 digits with an optional sign and at most 10 decimals, e.g. "12.50"';

/**
 * A decimal number as a string (`"12.50"`), never a float: money and weight must not pick up
 * binary rounding on the way to Amazon (docs/upstreams/sp-api.md).
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'A decimal number as a string, e.g. "12.50". Floats are refused.',
  serialize(value) {
    if (typeof value === 'string' && DECIMAL.test(value)) return value;
    throw new TypeError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value === 'string' && DECIMAL_INPUT.test(value)) return value;
    throw new TypeError(INPUT_MESSAGE);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && DECIMAL_INPUT.test(ast.value)) return ast.value;
    throw new TypeError(INPUT_MESSAGE);
  },
});
