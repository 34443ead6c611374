import type { MultipartFile } from '@fastify/multipart';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { AppException, type FieldError } from '../common/errors/app.exception.js';
import { findUnsafeText } from '../common/http/hostile-input.js';

export interface DocumentUpload<Fields> {
  fields: Fields;
  /** Raw bytes from a file part, or the JSON `text` field. */
  content: Uint8Array | string;
}

/**
 * Reads an upload sent either as JSON (`text` field) or as multipart/form-data (a `file`
 * part plus fields), validating the fields with the same DTO rules either way.
 */
export async function readDocumentUpload<Fields extends object>(
  request: FastifyRequest,
  fieldsClass: new () => Fields,
  maxBytes: number,
): Promise<DocumentUpload<Fields>> {
  if (!request.isMultipart()) {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw AppException.validation([{ path: '', message: 'the body must be a JSON object' }]);
    }
    const { text, ...rest } = body as Record<string, unknown>;
    const fields = await validated(fieldsClass, rest);
    if (typeof text !== 'string') throw AppException.validation([{ path: 'text', message: 'text must be a string' }]);
    return { fields, content: text };
  }
  const { raw, content } = await readParts(request, maxBytes);
  const unsafe = findUnsafeText(raw, '');
  if (unsafe.length) throw AppException.validation(unsafe);
  const fields = await validated(fieldsClass, raw);
  if (!content) throw AppException.validation([{ path: 'file', message: 'a file part named "file" is required' }]);
  return { fields, content };
}

async function readParts(request: FastifyRequest, maxBytes: number): Promise<{ raw: Record<string, unknown>; content?: Uint8Array }> {
  const raw: Record<string, unknown> = {};
  let content: Uint8Array | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw AppException.validation([{ path: part.fieldname, message: 'the file part must be named "file"' }]);
        content = await readFile(part, maxBytes);
      } else {
        raw[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    throw asClientError(error);
  }
  return { raw, content };
}

/**
 * The multipart reader fails with plain errors ("Unexpected end of form", a boundary that
 * never appears): all of them the client's doing. Our own refusals and the plugin's coded
 * limits (413 and the like) keep their meaning.
 */
function asClientError(error: unknown): unknown {
  if (error instanceof AppException) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('FST_')) return error;
  const reason = error instanceof Error ? error.message : 'unreadable';
  return new AppException('malformed-multipart', `The multipart body could not be read: ${reason}`);
}

async function readFile(part: MultipartFile, maxBytes: number): Promise<Uint8Array> {
  const buffer = await part.toBuffer();
  if (buffer.byteLength > maxBytes) {
    throw new AppException('payload-too-large', `Document is larger than the limit of ${maxBytes} bytes`);
  }
  return buffer;
}

async function validated<Fields extends object>(fieldsClass: new () => Fields, raw: Record<string, unknown>): Promise<Fields> {
  const fields = plainToInstance(fieldsClass, raw);
  const errors = await validate(fields, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const list: FieldError[] = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((message) => ({ path: e.property, message })),
    );
    throw AppException.validation(list);
  }
  return fields;
}
