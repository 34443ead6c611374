import { Injectable, type PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app.exception.js';

const EXTERNAL_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** An integration's own id for a person: printable, no spaces, at most 128 characters. */
@Injectable()
export class ExternalIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!EXTERNAL_ID.test(value)) {
      throw AppException.validation([
        { path: 'externalId', message: 'externalId must be 1-128 letters, digits or . _ : @ -' },
      ]);
    }
    return value;
  }
}
