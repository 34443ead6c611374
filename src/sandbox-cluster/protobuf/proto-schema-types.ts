/** [field number, JSON name, type (scalar or schema key), flags: o|r|m, then p (pointer), k (kept when zero), i (inline)]. */
export type ProtoFieldSchema = readonly [number, string, string, string];

export interface ProtoMessageSchema {
  /** A named []string that protobuf wraps in a message of `items` (ExtraValue): JSON shows the bare list. */
  wrapsList?: boolean;
  fields: readonly ProtoFieldSchema[];
}
