import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './to-problem.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The single place where errors become HTTP responses. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(exception, request, reply, this.logger);
  }
}

export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error'>,
): void {
  const problem = toProblem(exception, String(request.id), request.url.split('?')[0]);
  if (problem.internal) {
    logger.error({ err: exception, requestId: request.id }, 'request failed');
  }
  if (reply.sent) return;
  reply.status(problem.status).headers(problem.headers).type(PROBLEM_CONTENT_TYPE).send(problem.body);
}
