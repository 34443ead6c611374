/** Wire types of the protobuf encoding. */
export const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

export class ProtoDecodeError extends Error {}

export interface ProtoField {
  number: number;
  wireType: number;
  /** Varints as BigInt (int64 needs all 64 bits); length-delimited fields as bytes. */
  value: bigint | Buffer;
}

/** Reads the fields of one protobuf message in wire order; nested messages stay as bytes. */
export function* readFields(buf: Buffer): Generator<ProtoField> {
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new ProtoDecodeError('unexpected end of varint');
      const byte = buf[pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
      shift += 7n;
      if (shift > 63n) throw new ProtoDecodeError('varint longer than 64 bits');
    }
  };
  const take = (n: number): Buffer => {
    if (n < 0 || pos + n > buf.length) throw new ProtoDecodeError('field runs past the end of the message');
    const out = buf.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  while (pos < buf.length) {
    const key = varint();
    const number = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (number < 1) throw new ProtoDecodeError('field number 0');
    switch (wireType) {
      case WIRE.varint:
        yield { number, wireType, value: varint() };
        break;
      case WIRE.fixed64:
        yield { number, wireType, value: take(8) };
        break;
      case WIRE.bytes:
        yield { number, wireType, value: take(Number(varint())) };
        break;
      case WIRE.fixed32:
        yield { number, wireType, value: take(4) };
        break;
      default:
        throw new ProtoDecodeError(`unsupported wire type ${wireType}`);
    }
  }
}

/** Unpacks a packed repeated varint field. */
export function readPackedVarints(buf: Buffer): bigint[] {
  const out: bigint[] = [];
  let pos = 0;
  while (pos < buf.length) {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new ProtoDecodeError('unexpected end of packed varint');
      const byte = buf[pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7n;
    }
    out.push(result);
  }
  return out;
}
