/**
 * The declared type of a `@Root()` parameter. type-graphql reads a parameter's class from the
 * decorator metadata and, when the root value is not an instance of that class, copies it into a
 * new instance on every call: for an FBA order about 25 properties, once for each of `items`,
 * `shipments` and `id`, per order and request. The mappers build plain objects and the field
 * resolvers only read them, so they declare `AsRoot<T>`: the same shape, recorded in the metadata
 * as `Object`, which type-graphql passes through untouched.
 */
export type AsRoot<T> = Readonly<T>;
