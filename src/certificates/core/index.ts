// Public API of the framework-free certificate core. The Nest module imports from here only.
export {
  OB_V3_CONTEXT,
  OB_V3_SCHEMA_ID,
  VC_V2_CONTEXT,
  toXsdDateTime,
  type Achievement,
  type AchievementResult,
  type AchievementSubject,
  type Alignment,
  type BitstringStatusListCredential,
  type BitstringStatusListEntry,
  type Evidence,
  type IdentityObject,
  type IssuerProfile,
  type OpenBadgeCredential,
  type ResultDescription,
  type VerifiableCredentialBase,
} from './credential-types.js';
export {
  ISSUER_KEY_ALG,
  IssuerKeyError,
  buildJwks,
  decryptPrivateKey,
  encryptPrivateKey,
  generateIssuerKey,
  toIssuerPublicJwk,
  unlockIssuerKey,
  type EncryptedPrivateKey,
  type IssuerKeyRecord,
  type IssuerPublicJwk,
  type IssuerSigningKey,
  type Jwks,
} from './issuer-keys.js';
export {
  CredentialInputError,
  buildOpenBadgeCredential,
  credentialMatchesEmail,
  formatPercent,
  hashRecipientEmail,
  type OpenBadgeCredentialInput,
} from './open-badge-credential.js';
export {
  MIN_STATUS_LIST_BITS,
  StatusBitstring,
  StatusListError,
  buildStatusListCredential,
  buildStatusListEntry,
  parseStatusListIndex,
  statusResolverFromLists,
  type StatusListCredentialInput,
} from './status-list.js';
export {
  claimsFor,
  signCredentialJwt,
  type SignCredentialOptions,
  type VcJwtClaims,
  type VcJwtPayload,
  type VcJwtRegisteredClaims,
} from './vc-jwt.js';
export {
  verifyCredentialJwt,
  verifyStatusListCredentialJwt,
  type CredentialVerdict,
  type StatusBitResolver,
  type VerificationCheck,
  type VerificationCheckName,
  type VerificationReport,
  type VerifyCredentialOptions,
} from './vc-jwt-verify.js';
export { preloadCertificateFonts, renderCertificatePdf, type CertificatePdfInput } from './certificate-pdf.js';
