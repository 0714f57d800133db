import { registerEnumType } from 'type-graphql';

/**
 * A GraphQL enum over an Amazon enum. Members are the Amazon values in GraphQL's SCREAMING_CASE
 * (`CompletePartialled` → `COMPLETE_PARTIALLED`) plus `UNKNOWN`, because Amazon sends values
 * before its model lists them (docs/upstreams/sp-api.md): a response maps an unlisted value to `UNKNOWN` and keeps
 * the raw string beside it. Inputs use the same enum and refuse `UNKNOWN` in validation.
 */
export interface AmazonEnum {
  readonly name: string;
  /** the GraphQL enum object (member → member) */
  readonly values: Record<string, string>;
  /** Amazon's value → the GraphQL member; unlisted values → `UNKNOWN` */
  fromAmazon(raw: string): string;
  fromAmazon(raw: string | undefined | null): string | null;
  /** the GraphQL member → Amazon's value */
  toAmazon(member: string): string;
  toAmazon(member: string | undefined | null): string | undefined;
}

export const UNKNOWN = 'UNKNOWN';

export function screamingCase(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** How Amazon's values compare: letter case, `_` and `-` do not matter (`PROCESSING`, `Processing`, `in_transit`). */
export const looseKey = (value: string) => value.replace(/[_\-\s]/g, '').toLowerCase();

export function amazonEnum(name: string, amazonValues: readonly string[], description: string): AmazonEnum {
  // Amazon's own examples send `PROCESSING` for the model's `Processing`: match loosely before UNKNOWN
  const toMember = new Map(amazonValues.map((v) => [looseKey(v), screamingCase(v)]));
  const toValue = new Map(amazonValues.map((v) => [screamingCase(v), v]));
  const values = Object.fromEntries([...toValue.keys(), UNKNOWN].map((m) => [m, m]));
  registerEnumType(values, {
    name,
    description,
    valuesConfig: {
      [UNKNOWN]: {
        description:
          'A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input.',
      },
    },
  });
  return {
    name,
    values,
    fromAmazon: ((raw: string | null | undefined) =>
      raw == null ? null : (toMember.get(looseKey(raw)) ?? UNKNOWN)) as AmazonEnum['fromAmazon'],
    toAmazon: ((member: string | null | undefined) =>
      member == null ? undefined : (toValue.get(member) ?? member)) as AmazonEnum['toAmazon'],
  };
}
