package dev.talkbook.core.repl.agent;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The main class of the JVM that runs the user's snippets. It connects back to the app on the
 * loopback port given as its only argument, with {@code TCP_NODELAY} (without it every evaluation
 * waits ≈ 190 ms on Nagle's algorithm against delayed ACKs), and serves JShell's execution protocol
 * with the JDK's own {@link RemoteExecutionControl}, whose frames the app's JDI stop looks for.
 *
 * <p>Deliberately tiny and with no dependency outside the JDK: the remote JVM loads it from the
 * app's class path (a folder or the app's jar). Standard input and output are not used for the
 * protocol, so anything the JVM logs there cannot disturb it.
 */
public final class ReplAgent {

  private ReplAgent() {}

  /**
   * On JDK 17 the protocol's input pipe inherits {@code InputStream.read(byte[], int, int)}, which
   * blocks until the whole array is filled: {@code new BufferedReader(new
   * InputStreamReader(System.in)).readLine()} would wait for 8192 bytes. Each byte is asked of the
   * app anyway, so handing out one byte per read costs nothing.
   */
  private static final class OneByteAtATime extends java.io.FilterInputStream {
    OneByteAtATime(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      if (len == 0) {
        return 0;
      }
      int c = in.read();
      if (c < 0) {
        return -1;
      }
      b[off] = (byte) c;
      return 1;
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
      outputs.put("out", s -> System.setOut(new PrintStream(s, true, StandardCharsets.UTF_8)));
      outputs.put("err", s -> System.setErr(new PrintStream(s, true, StandardCharsets.UTF_8)));
      Map<String, Consumer<InputStream>> inputs = new HashMap<>();
      inputs.put("in", pipe -> System.setIn(new OneByteAtATime(pipe)));
      Util.forwardExecutionControlAndIO(new RemoteExecutionControl(), in, out, outputs, inputs);
    } finally {
      // The app closed the connection (or asked to close): end even if user code left threads.
      System.exit(0);
    }
  }
}
