import { Foundation1795640799677 } from './1795640799677-Foundation.js';
import { CoursesAndDocuments1795641626507 } from './1795641626507-CoursesAndDocuments.js';
import { QuestionBank1795641999018 } from './1795641999018-QuestionBank.js';
import { ExamsAndAttempts1795642757605 } from './1795642757605-ExamsAndAttempts.js';
import { Webhooks1795643656378 } from './1795643656378-Webhooks.js';
import { Labs1795645074403 } from './1795645074403-Labs.js';
import { LabTasks1795646091626 } from './1795646091626-LabTasks.js';
import { MillisecondTimestamps1795643366109 } from './1795643366109-MillisecondTimestamps.js';
import { Certificates1795643622172 } from './1795643622172-Certificates.js';
import { QuestionUse1796000200000 } from './1796000200000-QuestionUse.js';
import { InstanceSecrets1796000600000 } from './1796000600000-InstanceSecrets.js';
import { AccessChangeNotifications1796000300000 } from './1796000300000-AccessChangeNotifications.js';
import { StandardWebhooks1796001000000 } from './1796001000000-StandardWebhooks.js';
import { OfflinePracticeResults1796001100000 } from './1796001100000-OfflinePracticeResults.js';
import { StableIssuerAndCheckableName1796001200000 } from './1796001200000-StableIssuerAndCheckableName.js';

// Every migration in order. Listed explicitly rather than globbed so the app, the CLI
// and the tests (which run from TypeScript) load exactly the same set.
export const MIGRATIONS: Function[] = [
  Foundation1795640799677,
  CoursesAndDocuments1795641626507,
  QuestionBank1795641999018,
  ExamsAndAttempts1795642757605,
  // Keyset cursors carry JavaScript dates (milliseconds): microsecond timestamps never
  // compared equal to them, so a page could repeat forever.
  MillisecondTimestamps1795643366109,
  Certificates1795643622172,
  Webhooks1795643656378,
  Labs1795645074403,
  LabTasks1795646091626,
  QuestionUse1796000200000,
  InstanceSecrets1796000600000,
  AccessChangeNotifications1796000300000,
  StandardWebhooks1796001000000,
  OfflinePracticeResults1796001100000,
  StableIssuerAndCheckableName1796001200000,
];
