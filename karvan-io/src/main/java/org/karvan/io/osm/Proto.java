package org.karvan.io.osm;

import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of the protocol-buffers wire format (varints, zig-zag, length-delimited fields)
 * over a byte range: all the PBF format needs. Out-of-range reads throw {@link
 * IllegalStateException}, which {@link PbfReader} reports as a corrupt file.
 */
final class Proto {
  final byte[] buf;
  int pos;
  final int end;

  Proto(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buf.length) {
      throw new IllegalStateException("field runs past the end of its block");
    }
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  boolean more() {
    return pos < end;
  }

  long varint() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        throw new IllegalStateException("truncated varint");
      }
      byte b = buf[pos++];
      v |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new IllegalStateException("malformed varint");
  }

  long sint() {
    long v = varint();
    return (v >>> 1) ^ -(v & 1);
  }

  /** The next field key: field number {@code << 3 | wire type}. */
  int key() {
    return (int) varint();
  }

  /** The sub-message (or packed array, or bytes) of a length-delimited field. */
  Proto sub() {
    long len = varint();
    if (len < 0 || len > end - pos) {
      throw new IllegalStateException("field length " + len + " runs past the end of its block");
    }
    Proto p = new Proto(buf, pos, (int) len);
    pos += (int) len;
    return p;
  }

  String string() {
    Proto p = sub();
    return new String(p.buf, p.pos, p.end - p.pos, StandardCharsets.UTF_8);
  }

  void skip(int wireType) {
    switch (wireType) {
      case 0 -> varint();
      case 1 -> advance(8);
      case 2 -> sub();
      case 5 -> advance(4);
      default -> throw new IllegalStateException("unknown wire type " + wireType);
    }
  }

  private void advance(int n) {
    if (n > end - pos) {
      throw new IllegalStateException("truncated field");
    }
    pos += n;
  }
}
