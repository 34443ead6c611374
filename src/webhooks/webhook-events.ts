export const WEBHOOK_EVENTS = ['attempt.submitted', 'attempt.graded', 'certificate.issued'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
