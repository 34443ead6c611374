import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception.js';

/** Task ids are lower-case slugs; anything else names no task. */
@Injectable()
export class TaskIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z0-9][a-z0-9-]{1,80}$/.test(value)) throw new AppException('not-found', `"${value.slice(0, 40)}" is not a lab task id`);
    return value;
  }
}
