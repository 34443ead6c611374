import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app.exception.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID cannot name anything: answer 404 like any unknown id. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new AppException('not-found', `"${value.slice(0, 64)}" is not a valid id`);
    return value.toLowerCase();
  }
}
