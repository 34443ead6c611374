export const ROLES = ['owner', 'author', 'examiner', 'candidate'] as const;
export type Role = (typeof ROLES)[number];

/** What an API key may do; an integration gets only the scopes its owner granted. */
export const API_KEY_SCOPES = [
  'candidates:write',
  'candidates:token',
  'candidates:read',
  'exams:read',
  'enrollments:write',
  'results:read',
  'certificates:read',
  'questions:read',
  'webhooks:manage',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
