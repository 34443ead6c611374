import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import fastifyMultipart from '@fastify/multipart';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { registerCompression } from './common/http/compression.js';
import { answerFrameworkError, installInputGuards, MAX_PATH_PARAM_LENGTH } from './common/http/input-guards.js';
import { withholdContentLanguageOnErrors } from './common/i18n/content-language.js';
import { createValidationPipe } from './common/validation/validation-pipe.js';
import { REQUEST_ID_HEADER, requestIdOf } from './logging/request-id.js';
import { setupOpenApi } from './openapi/setup-openapi.js';

/** Builds the fully configured app; `main.ts` and the e2e tests share it. */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.BODY_LIMIT_BYTES,
    genReqId: (request: IncomingMessage) => requestIdOf(request),
    // X-Forwarded-For decides request.ip (rate limits, login failures) only from trusted proxies.
    trustProxy: options.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_PARAM_LENGTH },
    frameworkErrors: answerFrameworkError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // The JSON parser is set up below; Nest's own would be added on top of it.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  installInputGuards(fastify);
  await registerCompression(app);
  await app.register(fastifyMultipart, { limits: { fileSize: options.config.DOCUMENT_MAX_BYTES + 1, files: 1 } });
  withholdContentLanguageOnErrors(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });

  setupOpenApi(app, options.config);
  await app.init();
  return app;
}
