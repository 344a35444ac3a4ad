/** What both functions need of a TextDecoder. */
export interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/**
 * Bytes decoded whole. Node 20's TextDecoder reads windows-1252 as ISO-8859-1 when it decodes a buffer in
 * one call (0x80-0x9F become C1 controls: `–` becomes U+0096, `€` U+0080); in stream mode it reads them
 * right. Every decode of a whole buffer goes through here: in stream mode, then flushed. With `fatal`, an
 * invalid byte throws, as TextDecoder's own.
 */
export function decodeWhole(decoder: Decoder, bytes: Uint8Array): string {
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

/** The same for a sample that may end mid-character: the partial character is kept back, not an error. */
export function decodeSample(decoder: Decoder, bytes: Uint8Array, complete: boolean): string {
  const text = decoder.decode(bytes, { stream: true });
  return complete ? text + decoder.decode() : text;
}
