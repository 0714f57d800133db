/**
 * The elements of an upstream list that are objects: a list that is missing is empty, and an
 * element that is not an object is dropped instead of failing the whole answer.
 */
export function objects<T>(value: readonly T[] | null | undefined): T[] {
  return Array.isArray(value) ? (value as unknown[]).filter((x): x is T => !!x && typeof x === 'object') : [];
}
