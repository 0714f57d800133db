import { registerEnumType } from 'type-graphql';

export enum AmazonRegion {
  NA = 'NA',
  EU = 'EU',
  FE = 'FE',
}

registerEnumType(AmazonRegion, {
  name: 'AmazonRegion',
  description: 'The Amazon region a seller account is registered in.',
  valuesConfig: {
    NA: { description: 'North America: CA, US, MX, BR.' },
    EU: { description: 'Europe: IE, ES, UK, FR, BE, NL, DE, IT, SE, ZA, PL, EG, TR, SA, AE, IN.' },
    FE: { description: 'Far East: SG, AU, JP.' },
  },
});
