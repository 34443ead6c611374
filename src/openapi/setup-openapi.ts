import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCHEME, BEARER_SCHEME } from '../auth/decorators/authenticated.decorator.js';
import { API_KEY_HEADER } from '../auth/strategies/api-key.strategy.js';
import type { AppConfig } from '../config/app-config.js';
import { addWebhooksSection, WEBHOOK_DATA_MODELS } from '../webhooks/webhook-openapi.js';

export const DOCS_PATH = 'docs';

/** `/docs` (Swagger UI) and `/docs-json`, generated from the route decorators. */
export function setupOpenApi(app: NestFastifyApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('kubequiz API')
      .setDescription(
        'Kubernetes training: question banks generated from course documents, practice quizzes, timed exams, ' +
          'hands-on labs checked against a cluster, and verifiable certificates. Errors are ' +
          '`application/problem+json` (RFC 9457); lists take `limit` and `cursor`.',
      )
      .setVersion('1')
      .addServer(config.publicBaseUrl)
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
      .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER }, API_KEY_SCHEME)
      .build(),
    { extraModels: WEBHOOK_DATA_MODELS },
  );
  addWebhooksSection(document);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    // The UI's static files come through @fastify/static, whose ESM-only dependency Jest's
    // module system cannot load on Node 20; tests check /docs-json, the UI runs everywhere else
    // (some suites run the app as `npm start` configures it, so NODE_ENV alone cannot tell).
    swaggerUiEnabled: config.NODE_ENV !== 'test' && process.env.JEST_WORKER_ID === undefined,
  });
}
