import { gunzipSync, gzipSync } from 'node:zlib';
import {
  VC_V2_CONTEXT,
  assertValidDate,
  toXsdDateTime,
  type BitstringStatusListCredential,
  type BitstringStatusListEntry,
} from './credential-types.js';

/**
 * W3C Bitstring Status List v1.0 requires at least 16 KiB (131,072 entries) so one credential's
 * index does not single out its holder when the list is fetched.
 */
export const MIN_STATUS_LIST_BITS = 131_072;

/** Refuses decompression bombs: a published list is 16 KiB today; 16 MiB leaves room to grow. */
const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

export class StatusListError extends Error {
  override readonly name = 'StatusListError';
}

/**
 * A revocation bitstring. Index 0 is the left-most (most significant) bit of the first byte,
 * as the W3C spec requires, so setting indexes 0 and 9 gives the bytes 0x80 0x40.
 */
export class StatusBitstring {
  private readonly bytes: Uint8Array;

  constructor(lengthInBits: number = MIN_STATUS_LIST_BITS) {
    if (!Number.isInteger(lengthInBits) || lengthInBits < MIN_STATUS_LIST_BITS || lengthInBits % 8 !== 0) {
      throw new StatusListError(`a status list needs a multiple of 8 bits, at least ${MIN_STATUS_LIST_BITS}`);
    }
    this.bytes = new Uint8Array(lengthInBits / 8);
  }

  /** Wraps a copy of raw bytes, e.g. a bitstring stored in a bytea column. */
  static fromBytes(bytes: Uint8Array): StatusBitstring {
    if (bytes.length * 8 < MIN_STATUS_LIST_BITS) {
      throw new StatusListError(`status list has ${bytes.length * 8} bits, fewer than ${MIN_STATUS_LIST_BITS}`);
    }
    const list = new StatusBitstring(bytes.length * 8);
    list.bytes.set(bytes);
    return list;
  }

  /** Parses an `encodedList` value: multibase base64url (`u` prefix) of the gzip-compressed bits. */
  static decode(encodedList: string): StatusBitstring {
    return StatusBitstring.fromBytes(decodeEncodedList(encodedList));
  }

  get length(): number {
    return this.bytes.length * 8;
  }

  get(index: number): boolean {
    this.assertIndex(index);
    return (this.bytes[index >> 3] & (0x80 >> (index & 7))) !== 0;
  }

  set(index: number, value: boolean): void {
    this.assertIndex(index);
    const mask = 0x80 >> (index & 7);
    this.bytes[index >> 3] = value ? this.bytes[index >> 3] | mask : this.bytes[index >> 3] & ~mask;
  }

  /** A copy, so callers cannot change the list behind its back. */
  toBytes(): Uint8Array {
    return this.bytes.slice();
  }

  encode(): string {
    return encodeBytes(this.bytes);
  }

  private assertIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new StatusListError(`status list index ${index} is outside 0..${this.length - 1}`);
    }
  }
}

/**
 * gzip output is byte-stable here: Node writes mtime 0 and a fixed OS byte, so the same bits
 * always publish the same `encodedList` (and the same ETag upstream).
 */
function encodeBytes(bytes: Uint8Array): string {
  return `u${gzipSync(bytes, { level: 9 }).toString('base64url')}`;
}

function decodeEncodedList(encodedList: string): Uint8Array {
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u') || !/^u[A-Za-z0-9_-]+$/.test(encodedList)) {
    throw new StatusListError('encodedList must be multibase base64url (a "u" followed by base64url, no padding)');
  }
  try {
    return gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'), { maxOutputLength: MAX_STATUS_LIST_BYTES });
  } catch (error) {
    throw new StatusListError(`encodedList is not valid gzip: ${(error as Error).message}`);
  }
}

export interface StatusListCredentialInput {
  /** URL the list credential is served at; entries point here through `statusListCredential`. */
  id: string;
  issuer: { id: string; name?: string };
  list: StatusBitstring;
  validFrom: Date;
  /** Lists are re-issued on every revocation; verifiers may cache until this date. */
  validUntil?: Date;
}

export function buildStatusListCredential(input: StatusListCredentialInput): BitstringStatusListCredential {
  assertValidDate(input.validFrom, 'validFrom');
  if (input.validUntil) assertValidDate(input.validUntil, 'validUntil');
  return {
    '@context': [VC_V2_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer.name ? { id: input.issuer.id, name: input.issuer.name } : input.issuer.id,
    validFrom: toXsdDateTime(input.validFrom),
    ...(input.validUntil ? { validUntil: toXsdDateTime(input.validUntil) } : {}),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: input.list.encode(),
    },
  };
}

/**
 * The `credentialStatus` of an issued credential. The OB 3.0 schema requires an `id` on it
 * (the status spec leaves it optional): `<list URL>#<index>` is unique and stable.
 */
export function buildStatusListEntry(statusListCredential: string, statusListIndex: number): BitstringStatusListEntry {
  if (!Number.isInteger(statusListIndex) || statusListIndex < 0) {
    throw new StatusListError(`statusListIndex must be a non-negative integer, got ${statusListIndex}`);
  }
  return {
    id: `${statusListCredential}#${statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(statusListIndex),
    statusListCredential,
  };
}

/** Parses `statusListIndex` strictly: only a plain base-10 integer string is accepted. */
export function parseStatusListIndex(entry: Pick<BitstringStatusListEntry, 'statusListIndex'>): number {
  const raw = entry.statusListIndex;
  if (typeof raw !== 'string' || !/^(0|[1-9][0-9]*)$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new StatusListError(`statusListIndex must be a base-10 integer string, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

/**
 * A status resolver for `verifyCredentialJwt` backed by lists the caller already holds (e.g.
 * read from the database), keyed by `statusListCredential` URL. Unknown lists throw, which the
 * verifier reports as a failed `status` check rather than "not revoked".
 */
export function statusResolverFromLists(
  lists: ReadonlyMap<string, StatusBitstring>,
): (entry: BitstringStatusListEntry) => boolean {
  return (entry) => {
    const list = lists.get(entry.statusListCredential);
    if (!list) throw new StatusListError(`unknown status list ${entry.statusListCredential}`);
    return list.get(parseStatusListIndex(entry));
  };
}
