import { BigDigits } from './verify';

/** A JSON array of objects, each as a record (anything else in it becomes an empty record). */
export function records(v: unknown): Array<Record<string, unknown>> | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((x: unknown) => (x && typeof x === 'object' ? (x as Record<string, unknown>) : {}));
}

/** A scalar as the ERP would print it; BigDigits keep their exact digits. */
export function text(v: unknown): string {
  if (v instanceof BigDigits) return v.digits;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

export function nonEmpty(v: unknown): boolean {
  return (typeof v === 'string' && v.trim().length > 0) || typeof v === 'number' || v instanceof BigDigits;
}
