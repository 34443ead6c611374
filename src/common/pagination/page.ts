import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Matches, Min } from 'class-validator';
import { AppException } from '../errors/app.exception.js';
import { unsafeTextReason } from '../http/hostile-input.js';
import { MAX_INT32 } from '../validation/bounds.js';

/** The one pagination of the API: `limit` plus an opaque `cursor` from the previous page. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor is not a cursor this API issued' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset position: the sort value and the id of the last row of a page. */
export interface CursorPosition {
  sort: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.id])).toString('base64url');
}

/** What a list sorts by, so a decoded cursor can be checked before it reaches SQL. */
export type CursorSortKind = 'timestamp' | 'text' | 'integer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sortFits(sort: string, kind: CursorSortKind): boolean {
  switch (kind) {
    case 'timestamp':
      // Exactly what toISOString wrote: this also refuses dates such as 31 February.
      return !Number.isNaN(Date.parse(sort)) && new Date(sort).toISOString() === sort;
    case 'integer':
      return /^\d{1,10}$/.test(sort) && Number(sort) <= MAX_INT32;
    case 'text':
      return sort.length <= 512 && unsafeTextReason(sort) === undefined;
  }
}

/**
 * The position a cursor names. A cursor is only base64url JSON, so a client can forge one:
 * the id must be a UUID and the sort value must have the type of the sorted column, or
 * PostgreSQL would be the one to refuse it (with a 500).
 */
export function decodeCursor(cursor: string | undefined, sortKind: CursorSortKind): CursorPosition | undefined {
  if (!cursor) return undefined;
  try {
    const [sort, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sort === 'string' && typeof id === 'string' && UUID.test(id) && sortFits(sort, sortKind)) return { sort, id };
  } catch {
    // fall through to the 4xx below
  }
  throw AppException.validation([{ path: 'cursor', message: 'cursor is not a cursor this API issued' }]);
}

/** Builds a page from `limit + 1` rows fetched in keyset order. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  position: (row: Row) => CursorPosition,
  map: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(map), nextCursor: hasMore && last ? encodeCursor(position(last)) : null };
}
