import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/app-config.js';
import { requestIdOf } from './request-id.js';

/** Credentials never reach the logs, whatever the route. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.key',
];

/** `destination` lets tests read what would be logged. */
export function buildLoggerOptions(config: AppConfig, destination?: NodeJS.WritableStream): Params {
  return {
    // nestjs-pino's default route pattern `{/*splat}` matches nothing under Nest 12's
    // Fastify adapter, which left every request unlogged (caught by logging.e2e-spec).
    forRoutes: ['{*splat}'],
    pinoHttp: {
      ...(destination ? { stream: destination } : {}),
      level: config.LOG_LEVEL,
      genReqId: (request: IncomingMessage) => requestIdOf(request),
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (request) => request.url === '/health' },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
      },
    },
  };
}
