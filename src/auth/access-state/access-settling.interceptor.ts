import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { CHANGES_ACCESS } from '../decorators/changes-access.decorator.js';
import { AccessChangeListener } from './access-change-listener.js';

/**
 * Holds the answer of a `@ChangesAccess()` route until this process has received the
 * change notifications it caused. Failures wait too: a replayed refresh token answers 401
 * after revoking its whole session.
 */
@Injectable()
export class AccessSettlingInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly listener: AccessChangeListener,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const changes = this.reflector.getAllAndOverride<boolean>(CHANGES_ACCESS, [context.getHandler(), context.getClass()]);
    if (!changes) return next.handle();
    return next.handle().pipe(
      mergeMap((value) => from(this.listener.settled().then(() => value))),
      catchError((error: unknown) => from(this.listener.settled().then(() => Promise.reject(error)))),
    );
  }
}
