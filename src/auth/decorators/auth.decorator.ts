import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthContext } from '../auth-context.js';

/** The caller, as resolved by the global guard: `method(@Auth() auth: AuthContext)`. */
export const Auth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  return context.switchToHttp().getRequest<{ user: AuthContext }>().user;
});
