package dev.talkbook.core.repl;

import dev.talkbook.core.repl.agent.Packets;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The app's end of user code's {@code System.in}: receives the agent's requests ({@link
 * Packets#STDIN_REQUEST}, written to this stream by JShell's reader thread) and answers each on its
 * own thread, {@code talkbook-repl-stdin}, from the session's input. The reader thread also
 * delivers the results of evaluations, so it must never wait for the user to type: JShell's own
 * remote input does exactly that, and an evaluation whose code had read a line hung whenever the
 * JVM asked for one byte more than it read.
 */
final class StdinServer extends OutputStream {

  private final InputStream input;
  private final OutputStream replies;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "talkbook-repl-stdin");
            t.setDaemon(true);
            return t;
          });

  /**
   * {@code input}: what user code reads; {@code socket}: the connection to the agent, on which the
   * replies go as {@link Packets#STDIN} packets.
   */
  StdinServer(InputStream input, OutputStream socket) {
    this.input = input;
    this.replies = Packets.channel(Packets.STDIN, socket);
  }

  @Override
  public void write(int wanted) {
    try {
      thread.execute(() -> answer(Math.max(1, Math.min(Packets.MAX_REPLY, wanted & 0xFF))));
    } catch (RejectedExecutionException e) {
      // The connection is closing: nobody waits for the answer.
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    for (int i = 0; i < len; i++) {
      write(b[off + i]);
    }
  }

  /** Ends the answering thread (a read waiting for the user is interrupted). */
  @Override
  public void close() {
    thread.shutdownNow();
  }

  private void answer(int wanted) {
    byte[] reply;
    try {
      byte[] data = new byte[wanted];
      int n = input.read(data, 0, wanted);
      if (n < 0) {
        reply = new byte[] {Packets.END};
      } else {
        reply = new byte[n + 1];
        reply[0] = Packets.DATA;
        System.arraycopy(data, 0, reply, 1, n);
      }
    } catch (InterruptedIOException e) {
      reply = new byte[] {Packets.CANCELLED};
    } catch (IOException e) {
      byte[] message = String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8);
      reply = new byte[Math.min(message.length, Packets.MAX_REPLY) + 1];
      reply[0] = Packets.FAILED;
      System.arraycopy(message, 0, reply, 1, reply.length - 1);
    }
    try {
      replies.write(reply);
    } catch (IOException e) {
      // The JVM has gone; the session notices and reports it.
    }
  }
}
