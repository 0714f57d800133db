import { GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * A decimal number as a string (`"12.50"`), never a float: money and weight must not pick up
 * binary rounding on the way to Amazon (SPAPI.md, "Money/Weight values are decimal strings").
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'A decimal number as a string, e.g. "12.50". Floats are refused.',
  serialize(value) {
    if (typeof value === 'string' && DECIMAL.test(value)) return value;
    throw new TypeError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value === 'string' && DECIMAL.test(value)) return value;
    throw new TypeError('Decimal must be a string of digits with an optional sign and decimal part, e.g. "12.50"');
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && DECIMAL.test(ast.value)) return ast.value;
    throw new TypeError('Decimal must be a string of digits with an optional sign and decimal part, e.g. "12.50"');
  },
});
