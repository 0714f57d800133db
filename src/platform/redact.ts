/**
 * Keeping input values out of messages: graphql-js writes the offending value into its
 * coercion and validation messages (`Variable "$input" got invalid value { name: "Jane", … }`),
 * and those values are buyers' names, addresses, phones and emails. What stays is the path and the
 * kind of problem; what goes is every value. Upstream texts passed to clients are cut short and
 * stripped of anything that looks like a credential or a query string.
 */

/** A graphql-js request-error message with every input value taken out. */
export function redactInputValues(message: string): string {
  const variable = /^Variable "\$([^"]+)" got invalid value /.exec(message);
  if (variable) {
    const name = variable[1];
    const at = message.lastIndexOf(` at "${name}`);
    const pathEnd = at >= 0 ? message.indexOf('"; ', at + 5) : -1;
    if (at < 0 || pathEnd < 0) {
      // a problem with the variable's own object (no deeper path): graphql-js's reason ends the
      // message and names fields and types only, never a value
      const reason = TOP_LEVEL_REASON.exec(message)?.[1];
      return reason
        ? `Variable "$${name}" got an invalid value at "${name}": ${reason}`
        : `Variable "$${name}" got an invalid value.`;
    }
    const path = message.slice(at + 5, pathEnd);
    return `Variable "$${name}" got an invalid value at "${path}": ${redactReason(message.slice(pathEnd + 3))}`;
  }
  const literal = /^(Expected value of type "[^"]+"), found [\s\S]*?(?:; ([\s\S]*))?$/.exec(message);
  if (literal) return literal[2] ? `${literal[1]}: ${redactReason(literal[2])}` : `${literal[1]}.`;
  return redactReason(message);
}

/**
 * The reasons graphql-js gives for a variable's top-level object, at the end of its message: a
 * required field missing, a field the type lacks (with its suggestions of field names), not an object.
 */
const TOP_LEVEL_REASON =
  /; (Field "\w+" of required type "[\w![\]]+" was not provided\.|Field "\w+" is not defined by type "\w+"\.(?: Did you mean (?:"\w+"(?:, or |, | or )?)+\?)?|Expected type "\w+" to be an object\.)$/;

/** Scalars of this service, whose parse messages never quote the value. */
const OWN_SCALARS = new Set(['Decimal']);

/** The reason part of a coercion message, without the value it quotes. */
function redactReason(reason: string): string {
  const scalar = /^(\S+) cannot represent/.exec(reason);
  if (scalar) return `${scalar[1]} cannot represent the value given.`;
  if (/^Expected value of type "[^"]+", found /.test(reason)) return redactInputValues(reason);
  return reason
    .replace(/^Value "(?:[^"\\]|\\.)*" does not exist in/, 'The value does not exist in')
    .replace(/^Expected type "([^"]+)"\. [\s\S]*$/, (whole, type: string) =>
      OWN_SCALARS.has(type) ? whole : `Expected type "${type}".`,
    );
}

/** Longest upstream text a client sees. */
export const MAX_UPSTREAM_MESSAGE = 300;

/**
 * An upstream's message made safe to pass into a userError: query strings, URLs with credentials,
 * bearer/LWA tokens, long opaque strings and e-mail addresses are replaced, and the text is cut.
 */
export function safeUpstreamMessage(text: string): string {
  const cleaned = text
    .replace(/https?:\/\/\S+/gi, (url) => url.replace(/\?.*$/, '?…').replace(/\/\/[^/@\s]*@/, '//'))
    .replace(/\b(access_token|refresh_token|client_secret|app_secret|appSecret|sign|signature|token)=[^&\s]*/gi, '$1=…')
    .replace(/\bBearer\s+\S+/gi, 'Bearer …')
    .replace(/\bAtz[ar]\|\S+/g, '…')
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, '…@…')
    .replace(/[A-Za-z0-9+/_=-]{40,}/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > MAX_UPSTREAM_MESSAGE ? `${cleaned.slice(0, MAX_UPSTREAM_MESSAGE - 1)}…` : cleaned;
}
