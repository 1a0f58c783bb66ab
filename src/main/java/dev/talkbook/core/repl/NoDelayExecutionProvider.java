package dev.talkbook.core.repl;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.VMStartException;
import dev.talkbook.core.common.Probes;
import dev.talkbook.core.repl.agent.Packets;
import dev.talkbook.core.repl.agent.ReplAgent;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.execution.JdiExecutionControl;
import jdk.jshell.execution.JdiInitiator;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's remote execution engine without the 190 ms floor. Like the JDK's own JDI engine, it
 * launches a JVM through JDI (which also serves {@link ExecutionControl#stop()}, interrupting even
 * {@code while (true) {}}), but that JVM runs {@link ReplAgent}, and both ends of the loopback
 * socket set {@code TCP_NODELAY}. The protocol and output streams are the JDK's ({@link
 * Util#remoteInputOutput}, {@link RemoteExecutionControl}); standard input has channels of its own
 * ({@link Packets}, {@link StdinServer}).
 *
 * <p>One provider serves one {@link ReplSession}; {@link #lastExit()} tells how the JVM it launched
 * last ended.
 */
public final class NoDelayExecutionProvider implements ExecutionControlProvider {

  /**
   * How long to wait for the remote JVM to connect. The JDK's engine waits 5 s, which a JVM started
   * on a busy machine can need more than (measured: a `talkbook run` on two cores at load 25 failed
   * with "Failed remote launch: TimeoutException" one time of three). A JVM that cannot start ends
   * at once, and its launch fails then, not at this limit.
   */
  private static final int CONNECT_TIMEOUT_MS = 30_000;

  private static final String STOPPABLE_CLASS = RemoteExecutionControl.class.getName();

  private volatile CompletableFuture<Process> lastExit = new CompletableFuture<>();

  /** What JDI launched: the JVM under its control and its process. */
  record Launched(VirtualMachine vm, Process process) {}

  /**
   * Launches the JVM through JDI, which connects to it over the loopback address: the JDK's {@link
   * JdiInitiator}; in tests, one that fails as it does where no connection can be made.
   */
  @FunctionalInterface
  interface Launcher {
    Launched launch(int port, List<String> vmOptions, String mainClass, int timeoutMillis);
  }

  private final Launcher launcher;

  public NoDelayExecutionProvider() {
    this(
        (port, vmOptions, mainClass, timeoutMillis) -> {
          JdiInitiator jdi =
              new JdiInitiator(port, vmOptions, mainClass, true, null, timeoutMillis, Map.of());
          return new Launched(jdi.vm(), jdi.process());
        });
  }

  NoDelayExecutionProvider(Launcher launcher) {
    this.launcher = launcher;
  }

  /** The JVMs this provider launched that have not ended yet. */
  private final java.util.Set<Process> alive = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Override
  public String name() {
    return "talkbook";
  }

  /**
   * Whether an exception that reached no code of ours is the JDK's leftover of a launch that
   * failed. When the JVM exits at once (a VM option it rejects), JDI's launch can end before its
   * "connection acceptor" thread has called {@code accept}; that thread then finds the listener
   * closed and throws {@code IllegalArgumentException("Invalid listener")} on its own, with nobody
   * to catch it (JDK's {@code AbstractLauncher}). The launch has already reported the failure
   * ({@link ReplEvent.StartFailed}), so this one says nothing new.
   */
  public static boolean isLaunchLeftover(Throwable error) {
    if (!(error instanceof IllegalArgumentException)) {
      return false;
    }
    StackTraceElement[] trace = error.getStackTrace();
    return trace.length > 0
        && trace[0].getClassName().equals("com.sun.tools.jdi.SocketTransportService")
        && java.util.Arrays.stream(trace)
            .anyMatch(f -> f.getClassName().startsWith("com.sun.tools.jdi.AbstractLauncher"));
  }

  /**
   * Completes when the JVM launched last ends; never completes if it is still running; fails when
   * it could not be started.
   */
  public CompletableFuture<Process> lastExit() {
    return lastExit;
  }

  /**
   * Ends, forcibly, every JVM this provider launched that still runs, and the processes they
   * started (user code may start some), then waits up to {@code atMost} for them to be gone. For
   * the end of a session, after JShell's own close (which asks the JVM to exit but does not wait),
   * when that close could not reach the JVM (its code would not stop), and when the app itself
   * ends.
   */
  public void endJvms(java.time.Duration atMost) {
    endJvms(atMost, List.of());
  }

  /**
   * As {@link #endJvms(java.time.Duration)}, and ends {@code seenBefore} too: the {@link
   * #processes} of a moment before, whose JVM may have exited since (a closed session's JVM ends
   * itself), leaving what its code started without a parent to be found through.
   */
  public void endJvms(java.time.Duration atMost, List<ProcessHandle> seenBefore) {
    ended = true;
    List<ProcessHandle> ending = new ArrayList<>(seenBefore);
    ending.addAll(processes());
    for (ProcessHandle h : ending) {
      h.destroyForcibly();
    }
    long deadline = System.nanoTime() + atMost.toNanos();
    for (ProcessHandle h : ending) {
      try {
        h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
        // Not gone in time (or not ours to wait for): nothing more can be done from here.
      }
    }
  }

  /**
   * The JVMs this provider launched that still run, each after the processes it started (user code
   * may start some): its children are listed while it runs, since once it is gone they are no
   * longer its descendants.
   */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    for (Process p : List.copyOf(alive)) {
      p.descendants().forEach(all::add);
      all.add(p.toHandle());
    }
    return all;
  }

  /** Set by {@link #endJvms}: a JVM whose launch was under way then is ended as it comes up. */
  private volatile boolean ended;

  /** Whether a JVM this provider launched still runs. */
  boolean hasLiveJvm() {
    return alive.stream().anyMatch(Process::isAlive);
  }

  /**
   * The newest characters the JVM itself wrote to its standard output and error (not user code's
   * {@code System.out}, which goes through the socket): a crash report, say.
   */
  public String lastJvmOutput() {
    synchronized (jvmOutput) {
      return jvmOutput.toString();
    }
  }

  private final StringBuilder jvmOutput = new StringBuilder();

  /** Reads what the JVM writes to a pipe, so it never blocks on a full one; keeps the newest. */
  private Thread drain(InputStream stream, String name) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[4096];
              try (stream) {
                for (int n; (n = stream.read(buffer)) > 0; ) {
                  if (Probes.marking()) {
                    forwardMarks(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                  }
                  synchronized (jvmOutput) {
                    jvmOutput.append(
                        new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    if (jvmOutput.length() > 4000) {
                      jvmOutput.delete(0, jvmOutput.length() - 2000);
                    }
                  }
                }
              } catch (IOException e) {
                // The JVM ended; its pipes are gone.
              }
            },
            "talkbook-repl-jvm-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The start-up timeline's lines among what the JVM wrote (see {@link Probes#mark}). */
  private static void forwardMarks(String written) {
    for (String line : written.split("\n")) {
      if (line.startsWith("talkbook-mark ")) {
        Probes.report(line);
      }
    }
  }

  /**
   * The class-path entry that holds {@link ReplAgent}: a folder or the app's jar, found where the
   * class loader finds the class's file now. Not from its {@code CodeSource}: a class loaded from
   * the packaged app's AOT cache has the location it had when the cache was made (the build's
   * folder), or none once that folder is gone, so an installed app's REPL could not start.
   */
  static String agentClassPath() {
    String name = ReplAgent.class.getName().replace('.', '/') + ".class";
    URL file = ReplAgent.class.getClassLoader().getResource(name);
    try {
      return entryHolding(file, name).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot find where the REPL agent class is loaded from: " + e.getMessage(), e);
    }
  }

  /**
   * The class-path entry (a jar or a folder) from which a class loader gave {@code url} for the
   * resource {@code name}: {@code jar:file:/a/b.jar!/x/Y.class} is {@code /a/b.jar}, {@code
   * file:/a/classes/x/Y.class} is {@code /a/classes}.
   *
   * @throws IllegalArgumentException when {@code url} is of another kind
   */
  static Path entryHolding(URL url, String name) {
    if (url == null) {
      throw new IllegalArgumentException(name + " is not on the class path");
    }
    String text = url.toString();
    try {
      if (url.getProtocol().equals("jar")) {
        int separator = text.indexOf("!/");
        if (separator > 0) {
          return Path.of(new URI(text.substring("jar:".length(), separator)));
        }
      } else if (url.getProtocol().equals("file") && text.endsWith("/" + name)) {
        return Path.of(new URI(text.substring(0, text.length() - name.length())));
      }
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalArgumentException(text + " (" + e.getMessage() + ")", e);
    }
    throw new IllegalArgumentException(text + " is neither in a jar nor in a folder");
  }

  /**
   * Starts the JVM on a thread of its own and returns at once: JShell builds its compiler and
   * compiles the first snippets (imports need no JVM) while the JVM starts, on another core. Any
   * call that needs the JVM waits for it; {@link #awaitStarted()} tells whether it came up.
   */
  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters)
      throws IOException {
    Probes.mark("generate");
    ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    List<String> vmOptions = new ArrayList<>(env.extraRemoteVMOptions());
    if (Probes.marking()) {
      vmOptions.add("-D" + Probes.TIMELINE + "=true");
    }
    CompletableFuture<Process> exit = new CompletableFuture<>();
    lastExit = exit;
    PendingControl pending = new PendingControl(listener);
    starting = pending;
    Thread launching =
        new Thread(
            () -> {
              try (listener) {
                pending.started(launch(env, listener, vmOptions, exit));
              } catch (IOException | RuntimeException | Error e) {
                pending.failed(e);
                exit.completeExceptionally(e); // no JVM to wait for
              }
            },
            "talkbook-repl-launch");
    launching.setDaemon(true);
    launching.start();
    return pending;
  }

  private volatile PendingControl starting;

  /**
   * Waits until the JVM generated last has connected; throws {@link IllegalStateException} saying
   * why when it could not be started.
   */
  public void awaitStarted() {
    PendingControl pending = starting;
    if (pending == null) {
      throw new IllegalStateException("No JVM was started");
    }
    try {
      pending.control();
    } catch (ExecutionControl.EngineTerminationException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Why the JVM generated last could not be started, once that is known (a call that needed it has
   * returned); null while it starts, and when it started.
   */
  public IllegalStateException startFailure() {
    PendingControl pending = starting;
    if (pending == null || !pending.started.isCompletedExceptionally()) {
      return null;
    }
    try {
      pending.control();
      return null;
    } catch (ExecutionControl.EngineTerminationException e) {
      return new IllegalStateException(e.getMessage(), e);
    }
  }

  private NoDelayExecutionControl launch(
      ExecutionEnv env,
      ServerSocket listener,
      List<String> vmOptions,
      CompletableFuture<Process> exit)
      throws IOException {
    listener.setSoTimeout(CONNECT_TIMEOUT_MS);
    String classPath = agentClassPath();
    Probes.mark("launch");
    vmOptions.add("-cp");
    vmOptions.add(classPath.matches(".*\\s.*") ? '"' + classPath + '"' : classPath);
    Launched launched;
    try {
      launched =
          launcher.launch(
              listener.getLocalPort(), vmOptions, ReplAgent.class.getName(), CONNECT_TIMEOUT_MS);
    } catch (RuntimeException | Error e) {
      throw new StartFailure.JvmEnded(e, outputOfEndedJvm(e));
    }
    Probes.mark("jdi-connected");
    VirtualMachine vm = launched.vm();
    Process process = launched.process();
    alive.add(process);
    process.onExit().thenAccept(exit::complete);
    process.onExit().thenAccept(alive::remove);
    if (ended) {
      // Launched while the session (or the app) was ending: nobody will use it.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    synchronized (jvmOutput) {
      jvmOutput.setLength(0);
    }
    List<Thread> draining =
        List.of(drain(process.getInputStream(), "out"), drain(process.getErrorStream(), "err"));
    NoDelayExecutionControl[] control = new NoDelayExecutionControl[1];
    // Also resumes the JVM, which JDI launched suspended.
    Util.detectJdiExitEvent(
        vm,
        message -> {
          env.closeDown();
          if (control[0] != null) {
            control[0].disposeVm();
          }
        });
    Probes.mark("resumed");
    // A JVM that ends before it connects (its main class fails, it cannot reach this address)
    // closes the wait at once rather than at its time limit.
    CompletableFuture<Void> endWatch =
        process
            .onExit()
            .thenRun(
                () -> {
                  try {
                    listener.close();
                  } catch (IOException e) {
                    // Already closed: the wait is over either way.
                  }
                });
    Socket socket;
    try {
      socket = listener.accept();
      Probes.mark("socket-accepted");
    } catch (IOException e) {
      throw notConnected(e, process, draining, exit);
    } finally {
      endWatch.cancel(false);
    }
    socket.setTcpNoDelay(true);
    InputStream in = new BufferedInputStream(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    Map<String, OutputStream> outputs = new HashMap<>();
    outputs.put("out", env.userOut());
    outputs.put("err", env.userErr());
    // System.in has channels of its own (see StdinServer), so JShell gets no input streams.
    StdinServer stdin = new StdinServer(env.userIn(), out);
    outputs.put(Packets.STDIN_REQUEST, stdin);
    return control[0] =
        (NoDelayExecutionControl)
            Util.remoteInputOutput(
                in,
                out,
                outputs,
                Map.of(),
                (cmdIn, cmdOut) -> {
                  Probes.mark("control-ready");
                  return new NoDelayExecutionControl(cmdOut, cmdIn, vm, process, socket, stdin);
                });
  }

  /**
   * Why the JVM did not connect. When the wait ended because the listener was closed (the JVM
   * ended, and JDI or the watch on its exit closed it; or the session closed), the JVM's end is
   * waited for briefly, and a JVM that has ended is reported with its exit code and its own words.
   * A JVM still running (the time limit passed, or it would not end) is ended.
   */
  private IOException notConnected(
      IOException acceptFailure,
      Process process,
      List<Thread> draining,
      CompletableFuture<Process> exit) {
    boolean gone = !process.isAlive();
    if (!gone && !(acceptFailure instanceof java.net.SocketTimeoutException)) {
      try {
        gone = process.waitFor(JVM_END_WAIT_MS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (!gone) {
      process.destroyForcibly();
      return new IOException(
          "The JVM for the REPL did not connect: " + acceptFailure.getMessage(), acceptFailure);
    }
    for (Thread t : draining) {
      try {
        t.join(JVM_END_WAIT_MS); // its pipes end with it
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    exit.complete(process);
    return new StartFailure.JvmEnded(
        new IOException(
            "The JVM for the REPL ended with exit code "
                + process.exitValue()
                + " before it connected",
            acceptFailure),
        lastJvmOutput(),
        process.exitValue());
  }

  /**
   * How long a JVM whose connection was given up on may take to end, and its pipes to be read to
   * their end, in ms: JDI reports its death a moment before the process has gone.
   */
  private static final long JVM_END_WAIT_MS = 2000;

  /**
   * What the JVM whose launch failed wrote before it ended ("Unrecognized VM option", "transport
   * error 202: connect failed"): JDI's failure names only its command line. Empty when the failure
   * holds no ended JVM.
   */
  private static String outputOfEndedJvm(Throwable launchFailure) {
    for (Throwable c = launchFailure; c != null; c = c.getCause()) {
      if (c instanceof VMStartException started && started.process() != null) {
        Process p = started.process();
        if (p.isAlive()) {
          return ""; // its pipes would not end
        }
        try (InputStream err = p.getErrorStream();
            InputStream out = p.getInputStream()) {
          return (new String(err.readNBytes(4000), java.nio.charset.StandardCharsets.UTF_8)
                  + new String(out.readNBytes(4000), java.nio.charset.StandardCharsets.UTF_8))
              .strip();
        } catch (IOException e) {
          return "";
        }
      }
    }
    return "";
  }

  /**
   * The execution control JShell gets at once, while the JVM starts: each call waits for the JVM
   * (or fails as an ended engine when it could not start). A stop with nothing started has nothing
   * to stop; a close before the JVM is up ends it as soon as it is.
   */
  static final class PendingControl implements ExecutionControl {
    private final CompletableFuture<NoDelayExecutionControl> started = new CompletableFuture<>();
    private final ServerSocket listener;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean controlClosed =
        new java.util.concurrent.atomic.AtomicBoolean();

    PendingControl(ServerSocket listener) {
      this.listener = listener;
    }

    void started(NoDelayExecutionControl control) {
      started.complete(control);
      if (closed) {
        closeOnce(control);
      }
    }

    private void closeOnce(NoDelayExecutionControl control) {
      if (controlClosed.compareAndSet(false, true)) {
        control.close();
      }
    }

    void failed(Throwable e) {
      started.completeExceptionally(e);
    }

    /**
     * The connected control; waits for it (not interruptibly: JShell cannot resume a half call).
     */
    NoDelayExecutionControl control() throws EngineTerminationException {
      try {
        return started.join();
      } catch (java.util.concurrent.CompletionException
          | java.util.concurrent.CancellationException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        EngineTerminationException ended = new EngineTerminationException(message);
        ended.initCause(cause);
        throw ended;
      }
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
        throws ClassInstallException, NotImplementedException, EngineTerminationException {
      Probes.mark("load-called");
      NoDelayExecutionControl control = control();
      Probes.mark("load-control");
      control.load(cbcs);
      Probes.mark("loaded");
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs)
        throws ClassInstallException, NotImplementedException, EngineTerminationException {
      control().redefine(cbcs);
    }

    @Override
    public String invoke(String className, String methodName)
        throws RunException, EngineTerminationException, InternalException {
      return control().invoke(className, methodName);
    }

    @Override
    public String varValue(String className, String varName)
        throws RunException, EngineTerminationException, InternalException {
      return control().varValue(className, varName);
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
      control().addToClasspath(path);
    }

    @Override
    public Object extensionCommand(String command, Object arg)
        throws RunException, EngineTerminationException, InternalException {
      return control().extensionCommand(command, arg);
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
      NoDelayExecutionControl control = started.getNow(null);
      if (control != null) {
        control.stop();
      }
      // Not started yet: no user code runs.
    }

    @Override
    public void close() {
      closed = true;
      NoDelayExecutionControl control = started.getNow(null);
      if (control != null) {
        closeOnce(control);
      } else {
        try {
          listener.close(); // a JVM not connected yet will not be waited for
        } catch (IOException e) {
          // Already closed by the launch.
        }
      }
    }
  }

  /** The host side: JShell's streaming protocol plus JDI for redefinition and stop. */
  static final class NoDelayExecutionControl extends JdiExecutionControl {

    private final Object stopLock = new Object();
    private final Socket socket;
    private final StdinServer stdin;
    private VirtualMachine vm;
    private Process process;
    private boolean userCodeRunning;

    /** A second JDI stop could land in the agent's own handler of the first: one per call. */
    private boolean stoppedThisCall;

    NoDelayExecutionControl(
        ObjectOutput out,
        ObjectInput in,
        VirtualMachine vm,
        Process process,
        Socket socket,
        StdinServer stdin) {
      super(out, in);
      this.vm = vm;
      this.process = process;
      this.socket = socket;
      this.stdin = stdin;
    }

    @Override
    public String invoke(String className, String methodName)
        throws RunException, EngineTerminationException, InternalException {
      synchronized (stopLock) {
        userCodeRunning = true;
        stoppedThisCall = false;
      }
      try {
        Probes.mark("invoke");
        String value = super.invoke(className, methodName);
        Probes.mark("invoked");
        return value;
      } finally {
        synchronized (stopLock) {
          userCodeRunning = false;
        }
      }
    }

    @Override
    public String varValue(String className, String varName)
        throws RunException, EngineTerminationException, InternalException {
      synchronized (stopLock) {
        userCodeRunning = true;
        stoppedThisCall = false;
      }
      try {
        return super.varValue(className, varName);
      } finally {
        synchronized (stopLock) {
          userCodeRunning = false;
        }
      }
    }

    /**
     * Throws the agent's own stop exception into the thread that runs user code, as the JDK's JDI
     * engine does, but looking for the frames of {@link RemoteExecutionControl} (which our agent
     * runs) rather than of the agent's main class.
     */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
      synchronized (stopLock) {
        if (!userCodeRunning || stoppedThisCall) {
          return;
        }
        VirtualMachine machine = vm();
        machine.suspend();
        try {
          outer:
          for (ThreadReference thread : machine.allThreads()) {
            for (StackFrame frame : thread.frames()) {
              String method = frame.location().method().name();
              if (STOPPABLE_CLASS.equals(frame.location().declaringType().name())
                  && ("invoke".equals(method) || "varValue".equals(method))) {
                ObjectReference self = frame.thisObject();
                Field inClientCode = self.referenceType().fieldByName("inClientCode");
                Field expectingStop = self.referenceType().fieldByName("expectingStop");
                Field stopException = self.referenceType().fieldByName("stopException");
                if (((BooleanValue) self.getValue(inClientCode)).value()) {
                  self.setValue(expectingStop, machine.mirrorOf(true));
                  ObjectReference stopInstance = (ObjectReference) self.getValue(stopException);
                  machine.resume();
                  thread.stop(stopInstance);
                  stoppedThisCall = true;
                  self.setValue(expectingStop, machine.mirrorOf(false));
                }
                break outer;
              }
            }
          }
        } catch (ClassNotLoadedException
            | IncompatibleThreadStateException
            | InvalidTypeException e) {
          throw new InternalException("Could not stop the snippet: " + e);
        } catch (VMDisconnectedException e) {
          throw new EngineTerminationException("The REPL's JVM has ended");
        } finally {
          try {
            machine.resume();
          } catch (VMDisconnectedException e) {
            // The JVM ended while being stopped; the death listener reports it.
          }
        }
      }
    }

    /**
     * Sends the close command, then also closes the connection: the JDK 17 agent ignores the
     * command, and waiting for it to exit would cost a second.
     */
    @Override
    public void close() {
      super.close();
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a loopback socket that is already gone: nothing left to release.
      }
      disposeVm();
    }

    synchronized void disposeVm() {
      stdin.close();
      try {
        if (vm != null) {
          vm.dispose();
        }
      } catch (VMDisconnectedException e) {
        // Already gone.
      } finally {
        vm = null;
        if (process != null) {
          process.destroy();
          process = null;
        }
      }
    }

    @Override
    protected synchronized VirtualMachine vm() throws EngineTerminationException {
      if (vm == null) {
        throw new EngineTerminationException("The REPL's JVM has ended");
      }
      return vm;
    }
  }
}
