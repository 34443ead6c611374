// JSON shapes of the credentials this module issues. They are plain data (no classes) so the
// Nest layer can store them as jsonb and return them from HTTP routes unchanged.

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_V3_SCHEMA_ID =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** Fields every W3C VC 2.0 credential produced here has; what the VC-JWT layer relies on. */
export interface VerifiableCredentialBase {
  '@context': string[];
  id: string;
  type: string[];
  issuer: string | { id: string; name?: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id?: string };
  credentialStatus?: BitstringStatusListEntry | BitstringStatusListEntry[];
  [key: string]: unknown;
}

export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  /** A base-10 integer as a string, as the Bitstring Status List spec requires. */
  statusListIndex: string;
  statusListCredential: string;
}

export interface IssuerProfile {
  id: string;
  type: ['Profile'];
  name: string;
  url?: string;
  email?: string;
}

export interface IdentityObject {
  type: 'IdentityObject';
  identityHash: string;
  identityType: 'emailAddress' | 'name';
  hashed: boolean;
  salt?: string;
}

export interface Alignment {
  type: ['Alignment'];
  targetName: string;
  targetUrl: string;
  targetDescription?: string;
  targetFramework?: string;
  targetCode?: string;
}

export interface ResultDescription {
  id: string;
  type: ['ResultDescription'];
  name: string;
  resultType: 'Percent';
  valueMin: string;
  valueMax: string;
  requiredValue?: string;
}

export interface Achievement {
  id: string;
  type: ['Achievement'];
  achievementType: 'Certification';
  name: string;
  description: string;
  criteria: { narrative: string };
  tag?: string[];
  alignment?: Alignment[];
  resultDescription?: ResultDescription[];
}

export interface AchievementResult {
  type: ['Result'];
  resultDescription: string;
  value: string;
  status: 'Completed' | 'Failed';
}

export interface AchievementSubject {
  type: ['AchievementSubject'];
  identifier: IdentityObject[];
  achievement: Achievement;
  result?: AchievementResult[];
}

export interface Evidence {
  id?: string;
  type: ['Evidence'];
  name: string;
  description?: string;
  narrative: string;
  genre?: string;
}

export interface OpenBadgeCredential extends VerifiableCredentialBase {
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  description?: string;
  issuer: IssuerProfile;
  credentialSubject: AchievementSubject & { id?: string };
  credentialStatus: BitstringStatusListEntry;
  credentialSchema: Array<{ id: string; type: '1EdTechJsonSchemaValidator2019' }>;
  evidence: Evidence[];
}

export interface BitstringStatusListCredential extends VerifiableCredentialBase {
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation';
    encodedList: string;
  };
}

/** VC 2.0 date-times without fractional seconds, so they equal the JWT NumericDate claims. */
export function toXsdDateTime(date: Date): string {
  assertValidDate(date, 'date');
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function assertValidDate(date: Date, label: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`${label} must be a valid Date`);
  }
}

export function issuerIdOf(credential: Pick<VerifiableCredentialBase, 'issuer'>): string | undefined {
  const { issuer } = credential;
  if (typeof issuer === 'string') return issuer;
  return issuer && typeof issuer === 'object' && typeof issuer.id === 'string' ? issuer.id : undefined;
}
