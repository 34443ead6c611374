import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppException } from '../common/errors/app.exception.js';

const SECTION_KEY = /^\d{1,3}(\.\d{1,3}){0,5}$/;

/** A path segment that is not a dotted section key cannot name a section: 404. */
@Injectable()
export class SectionKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SECTION_KEY.test(value)) throw new AppException('not-found', `"${value.slice(0, 32)}" is not a section key (like 3 or 3.1)`);
    return value;
  }
}
