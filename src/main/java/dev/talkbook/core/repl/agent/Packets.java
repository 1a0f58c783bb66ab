package dev.talkbook.core.repl.agent;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * The framing of JShell's socket protocol, shared by the app and {@link ReplAgent}: every write on
 * a named channel goes as packets of {@code [name length][name][data length][data]} with at most
 * 127 data bytes, written whole while holding the socket stream's lock (as the JDK's own
 * multiplexer does, so packets from several threads never interleave).
 *
 * <p>Besides JShell's channels ({@code $command}, {@code out}, {@code err}) the app and the agent
 * use two of their own for {@code System.in}: {@link #STDIN_REQUEST} (agent to app: one byte, how
 * many bytes the reading code wants, at most {@link #MAX_REPLY}) and {@link #STDIN} (app to agent:
 * one tag, then the data). Exactly one reply answers each request.
 */
public final class Packets {

  /** Agent to app: user code wants input; one byte, how many bytes at most. */
  public static final String STDIN_REQUEST = "talkbook-stdin-request";

  /** App to agent: the answer to a request, a tag and (for {@link #DATA}) the bytes. */
  public static final String STDIN = "talkbook-stdin";

  /** Tag: the bytes that follow were typed. */
  public static final byte DATA = 1;

  /** Tag: the input has ended (the reading code sees -1 once). */
  public static final byte END = 2;

  /** Tag: the wait was cancelled (a stop, or the evaluation ended); the reader gets an error. */
  public static final byte CANCELLED = 3;

  /** Tag: reading failed; the UTF-8 message follows. */
  public static final byte FAILED = 4;

  /** The most bytes one reply carries (a tag and this many fill one packet). */
  public static final int MAX_REPLY = 120;

  private static final int PACKET_SIZE = 127;

  private Packets() {}

  /** An output stream whose writes go to {@code socket} as packets on {@code channel}. */
  public static OutputStream channel(String channel, OutputStream socket) {
    byte[] name = channel.getBytes(StandardCharsets.UTF_8);
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        synchronized (socket) {
          while (len > 0) {
            int size = Math.min(PACKET_SIZE, len);
            byte[] packet = new byte[name.length + size + 2];
            packet[0] = (byte) name.length;
            System.arraycopy(name, 0, packet, 1, name.length);
            packet[name.length + 1] = (byte) size;
            System.arraycopy(b, off, packet, name.length + 2, size);
            socket.write(packet);
            off += size;
            len -= size;
          }
          socket.flush();
        }
      }

      @Override
      public void flush() throws IOException {
        synchronized (socket) {
          socket.flush();
        }
      }
    };
  }

  /**
   * Reads packets from {@code in} until it ends, handing each one's channel name and data to {@code
   * sink} on the calling thread.
   */
  public static void read(InputStream in, BiConsumer<String, byte[]> sink) throws IOException {
    DataInputStream data = new DataInputStream(in);
    while (true) {
      int nameLength = data.read();
      if (nameLength < 0) {
        return;
      }
      byte[] name = new byte[nameLength];
      data.readFully(name);
      int length = data.read();
      if (length < 0) {
        throw new EOFException("The connection ended inside a packet");
      }
      byte[] bytes = new byte[length];
      data.readFully(bytes);
      sink.accept(new String(name, StandardCharsets.UTF_8), bytes);
    }
  }
}
