import {
  AttemptGradedData,
  AttemptSubmittedData,
  CertificateExpiredData,
  CertificateIssuedData,
  CertificateRevokedData,
  ExamPublishedData,
  type PersonEventData,
} from './dto/webhook-event-data.dto.js';

/**
 * The event catalogue: every event an endpoint can subscribe to, when it is sent and the
 * class of its `data` (which also documents it in OpenAPI). A module that emits an event
 * adds it here and writes it with `WebhookOutbox.enqueue` in its own transaction.
 */
export const WEBHOOK_EVENT_CATALOGUE = {
  'attempt.submitted': { data: AttemptSubmittedData, description: 'An attempt was submitted, by the candidate or by its deadline.' },
  'attempt.graded': { data: AttemptGradedData, description: 'An attempt has its score and pass/fail verdict (sent with attempt.submitted: grading is immediate).' },
  'certificate.issued': { data: CertificateIssuedData, description: 'A passed attempt earned a certificate.' },
  'certificate.revoked': { data: CertificateRevokedData, description: 'An examiner revoked a certificate; its status list says so from now on.' },
  'certificate.expired': { data: CertificateExpiredData, description: 'A certificate reached the end of its validity. Sent once per certificate, not for revoked ones.' },
  'exam.published': { data: ExamPublishedData, description: 'A new version of an exam blueprint was published.' },
} as const;

export type WebhookEvent = keyof typeof WEBHOOK_EVENT_CATALOGUE;
export const WEBHOOK_EVENTS = Object.keys(WEBHOOK_EVENT_CATALOGUE) as WebhookEvent[];

/** The `data` of an event as its class declares it. */
export type WebhookEventData<E extends WebhookEvent> = InstanceType<(typeof WEBHOOK_EVENT_CATALOGUE)[E]['data']>;

/** What an emitter passes: the outbox adds `externalId` itself to anything about a person. */
export type WebhookEventInput<E extends WebhookEvent> = WebhookEventData<E> extends PersonEventData ? Omit<WebhookEventData<E>, 'externalId'> : WebhookEventData<E>;
