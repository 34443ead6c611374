/** Minimal protobuf (proto3) encoding: varints and length-delimited fields. */
export class ProtoWriter {
  private readonly parts: Buffer[] = [];

  private varint(n: number): void {
    const bytes: number[] = [];
    let v = n;
    while (v > 0x7f) {
      bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
    this.parts.push(Buffer.from(bytes));
  }

  private tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  string(field: number, value: string | undefined): this {
    if (value === undefined || value === '') return this;
    const buf = Buffer.from(value, 'utf8');
    this.tag(field, 2);
    this.varint(buf.length);
    this.parts.push(buf);
    return this;
  }

  bool(field: number, value: boolean | undefined): this {
    if (!value) return this;
    this.tag(field, 0);
    this.varint(1);
    return this;
  }

  message(field: number, inner: ProtoWriter | undefined): this {
    if (!inner) return this;
    const buf = inner.finish();
    this.tag(field, 2);
    this.varint(buf.length);
    this.parts.push(buf);
    return this;
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}
