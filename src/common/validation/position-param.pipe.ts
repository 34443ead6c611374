import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app.exception.js';

/** A 1-based position in a list; anything else names nothing: 404. */
@Injectable()
export class PositionParamPipe implements PipeTransform<unknown, number> {
  transform(value: unknown): number {
    if (typeof value !== 'string' || !/^[1-9]\d{0,3}$/.test(value)) {
      throw new AppException('not-found', `"${String(value).slice(0, 16)}" is not a position`);
    }
    return Number(value);
  }
}
