import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity.js';
import { UserEntity } from '../auth/entities/user.entity.js';
import { CourseEntity } from '../documents/entities/course.entity.js';
import { DocumentSectionEntity } from '../documents/entities/document-section.entity.js';
import { DocumentVersionEntity } from '../documents/entities/document-version.entity.js';
import { DocumentEntity } from '../documents/entities/document.entity.js';
import { QuestionRevisionEntity } from '../question-bank/entities/question-revision.entity.js';
import { QuestionEntity } from '../question-bank/entities/question.entity.js';
import { PracticeResultEntity } from '../quizzes/entities/practice-result.entity.js';
import { AttemptItemEntity } from '../attempts/entities/attempt-item.entity.js';
import { AttemptEntity } from '../attempts/entities/attempt.entity.js';
import { CertificateEntity } from '../certificates/entities/certificate.entity.js';
import { IssuerKeyEntity } from '../certificates/entities/issuer-key.entity.js';
import { StatusListEntity } from '../certificates/entities/status-list.entity.js';
import { IssuerBaseUrlEntity } from '../certificates/entities/issuer-base-url.entity.js';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity.js';
import { EnrollmentEntity } from '../exams/entities/enrollment.entity.js';
import { ExamVersionEntity } from '../exams/entities/exam-version.entity.js';
import { ExamEntity } from '../exams/entities/exam.entity.js';
import { WebhookDeliveryEntity } from '../webhooks/entities/webhook-delivery.entity.js';
import { WebhookEndpointEntity } from '../webhooks/entities/webhook-endpoint.entity.js';
import { WebhookEventKeyEntity } from '../webhooks/entities/webhook-event-key.entity.js';
import { ClusterEntity } from '../cluster/registry/cluster.entity.js';
import { LabSessionEntity } from '../labs/entities/lab-session.entity.js';
import { LabTaskEntity } from '../labs/entities/lab-task.entity.js';
import { ApiKeyEntity } from '../organizations/entities/api-key.entity.js';
import { InvitationEntity } from '../organizations/entities/invitation.entity.js';
import { MembershipEntity } from '../organizations/entities/membership.entity.js';
import { OrganizationEntity } from '../organizations/entities/organization.entity.js';

/** Every entity, listed once, for the app's DataSource and the migration CLI alike. */
export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  OrganizationEntity,
  MembershipEntity,
  InvitationEntity,
  ApiKeyEntity,
  CourseEntity,
  DocumentEntity,
  DocumentVersionEntity,
  DocumentSectionEntity,
  QuestionEntity,
  QuestionRevisionEntity,
  PracticeResultEntity,
  IdempotencyKeyEntity,
  ExamEntity,
  ExamVersionEntity,
  EnrollmentEntity,
  AttemptEntity,
  AttemptItemEntity,
  IssuerKeyEntity,
  StatusListEntity,
  IssuerBaseUrlEntity,
  CertificateEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookEventKeyEntity,
  ClusterEntity,
  LabSessionEntity,
  LabTaskEntity,
];
