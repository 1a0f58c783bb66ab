package dev.talkbook.core.repl.agent;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The main class of the JVM that runs the user's snippets. It connects back to the app on the
 * loopback port given as its only argument, with {@code TCP_NODELAY} (without it every evaluation
 * waits ≈ 190 ms on Nagle's algorithm against delayed ACKs), and serves JShell's execution protocol
 * with the JDK's own {@link RemoteExecutionControl}, whose frames the app's JDI stop looks for.
 *
 * <p>The channels are JShell's ({@link Packets}); {@code System.in} is {@link RemoteInput}, which
 * asks the app for input only when the code reads. Deliberately tiny and with no dependency outside
 * the JDK: the remote JVM loads it from the app's class path (a folder or the app's jar). Standard
 * input and output are not used for the protocol, so anything the JVM logs there cannot disturb it.
 */
public final class ReplAgent {

  private ReplAgent() {}

  private static final boolean MARKS = Boolean.getBoolean("talkbook.startupProbe.timeline");

  /**
   * A start-up timeline mark ({@code dev.talkbook.core.common.Probes#mark}, which the agent cannot
   * use: it stays free of the app's classes) on the JVM's own standard output, which the app reads
   * and passes on; user code's {@code System.out} goes through the socket and never sees it.
   */
  private static void mark(String step) {
    if (MARKS) {
      java.time.Instant now = java.time.Instant.now();
      JVM_OUT.println(
          "talkbook-mark "
              + step
              + " "
              + (now.getEpochSecond() * 1_000_000L + now.getNano() / 1000)
              + " 0 agent "
              + ProcessHandle.current()
                  .info()
                  .totalCpuDuration()
                  .map(d -> d.toMillis())
                  .orElse(-1L));
      JVM_OUT.flush();
    }
  }

  private static final PrintStream JVM_OUT = System.out;

  public static void main(String[] args) throws Exception {
    mark("agent-main");
    // However this JVM exits (the app closed the session, user code called System.exit), what the
    // user's code started ends with it: else it lived on, orphaned, after the session was gone.
    Runtime.getRuntime().addShutdownHook(new Thread(ReplAgent::endChildren, "talkbook-agent-end"));
    int port = Integer.parseInt(args[0]);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setTcpNoDelay(true);
      mark("agent-connected");
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      System.setOut(new PrintStream(Packets.channel("out", out), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(Packets.channel("err", out), true, StandardCharsets.UTF_8));
      RemoteInput stdin = new RemoteInput(Packets.channel(Packets.STDIN_REQUEST, out));
      System.setIn(stdin);
      BytePipe commands = new BytePipe();
      Thread reader =
          new Thread(
              () -> {
                try {
                  Packets.read(
                      in,
                      (channel, data) -> {
                        if (channel.equals(Packets.STDIN)) {
                          stdin.reply(data);
                        } else if (channel.equals("$command")) {
                          commands.write(data);
                        }
                      });
                } catch (IOException e) {
                  // The app closed the connection: the command loop ends below.
                } finally {
                  commands.close();
                  stdin.closeInput();
                  haltSoon();
                }
              },
              "talkbook-agent-reader");
      reader.setDaemon(true);
      reader.start();
      // Written before the input's header is read, as the app does too, so neither waits.
      ObjectOutputStream commandOut = new ObjectOutputStream(Packets.channel("$command", out));
      commandOut.flush();
      ObjectInputStream commandIn = new ObjectInputStream(commands);
      mark("agent-ready"); // the app has attached: its stream header arrived
      Util.forwardExecutionControl(new RemoteExecutionControl(), commandIn, commandOut);
    } finally {
      // The app closed the connection (or asked to close): end even if user code left threads.
      System.exit(0);
    }
  }

  /** How long the JVM may take to exit by itself once the app has gone, in ms. */
  private static final long HALT_AFTER_MS = 2000;

  /**
   * The app closed the connection (it closed the session, quit, or died): the JVM ends within
   * {@link #HALT_AFTER_MS} even when user code does not stop. An endless loop holds the command
   * loop, so the exit in {@link #main} never came, and the JVM spun on after the app was gone.
   */
  private static void haltSoon() {
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_MS);
              } catch (InterruptedException e) {
                // Halt now.
              }
              endChildren(); // a halt runs no shutdown hook
              Runtime.getRuntime().halt(0);
            },
            "talkbook-agent-halt");
    halt.setDaemon(true);
    halt.start();
  }

  /** Ends, forcibly, every process this JVM started (user code's), and theirs. */
  private static void endChildren() {
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
  }

  /** The command channel's bytes, from the reader thread to the command loop. */
  private static final class BytePipe extends InputStream {
    private byte[] buffer = new byte[4096];
    private int start;
    private int end;
    private boolean closed;

    synchronized void write(byte[] data) {
      if (end + data.length > buffer.length) {
        int used = end - start;
        byte[] grown =
            used + data.length > buffer.length
                ? new byte[Math.max(buffer.length * 2, used + data.length)]
                : buffer;
        System.arraycopy(buffer, start, grown, 0, used);
        buffer = grown;
        start = 0;
        end = used;
      }
      System.arraycopy(data, 0, buffer, end, data.length);
      end += data.length;
      notifyAll();
    }

    @Override
    public synchronized void close() {
      closed = true;
      notifyAll();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (start == end) {
        if (closed) {
          return -1;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          // The command loop is never interrupted on purpose; keep waiting for the app.
        }
      }
      int n = Math.min(len, end - start);
      System.arraycopy(buffer, start, b, off, n);
      start += n;
      return n;
    }

    @Override
    public synchronized int available() {
      return end - start;
    }
  }
}
