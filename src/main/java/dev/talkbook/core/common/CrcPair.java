package dev.talkbook.core.common;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Whether bytes changed, cheaply: their CRC-32C and CRC-32 in one {@code long}. Two checksums of
 * different polynomials miss no change within 32 consecutive bits and any other with odds of about
 * 2^-64; no defence against a forger. Both use the processor's own instructions in every JIT mode,
 * where SHA-256 on a quick-to-start JVM (C1, no SHA instructions) is pure Java and slow.
 */
public final class CrcPair {
  private CrcPair() {}

  /** {@code bytes}' CRC-32C in the high 32 bits, their CRC-32 in the low ones. */
  public static long of(byte[] bytes) {
    CRC32C c = new CRC32C();
    c.update(bytes);
    CRC32 d = new CRC32();
    d.update(bytes);
    return (c.getValue() << 32) | d.getValue();
  }
}
