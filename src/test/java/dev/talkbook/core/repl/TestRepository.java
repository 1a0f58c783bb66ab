package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * A Maven repository that a test builds in a folder (no network): each artifact a jar of classes
 * compiled from the given sources, a -sources jar of them, and a pom naming its dependencies.
 */
public final class TestRepository {

  private final Path root;

  public TestRepository(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public String url() {
    return root.toUri().toString();
  }

  /**
   * Publishes the demo library {@code demo:greeting:1.0}: {@code demo.greeting.Greeting.hello(who)}
   * returns "Hello, " + who, with its documentation in the -sources jar.
   */
  public Path publishGreeting() throws IOException {
    return publish(
        "demo:greeting:1.0",
        java.util.Map.of(
            "demo/greeting/Greeting.java",
            "package demo.greeting;\n/** Greetings. */\npublic class Greeting {\n"
                + "  /**\n   * Says hello to {@code who}, politely.\n   *\n"
                + "   * @param who whom to greet\n   */\n"
                + "  public static String hello(String who) { return \"Hello, \" + who; }\n}\n"),
        List.of());
  }

  /**
   * Publishes the greeting and {@code demo:app:1.0}, which depends on it: {@code
   * demo.app.App.run()} returns "Hello, app".
   */
  public void publishAppAndGreeting() throws IOException {
    Path greeting = publishGreeting();
    publish(
        "demo:app:1.0",
        java.util.Map.of(
            "demo/app/App.java",
            "package demo.app;\npublic class App {\n"
                + "  public static String run() { return demo.greeting.Greeting.hello(\"app\"); }\n}\n"),
        List.of(greeting),
        "demo:greeting:1.0");
  }

  /**
   * What a resolver needs to fetch from {@code url} (this repository's or another) into the local
   * repository {@code local}: 2 s to connect and to read, 20 s in all.
   */
  public static LibraryResolver.Options resolverOptions(Path local, String url) {
    return new LibraryResolver.Options(
        local,
        List.of(new Libraries.Repository("test", url)),
        false,
        java.time.Duration.ofSeconds(2),
        java.time.Duration.ofSeconds(2),
        java.time.Duration.ofSeconds(20));
  }

  /**
   * Publishes {@code group:artifact:version} with the classes of {@code sources} (file path → Java
   * source), compiled against {@code classPath}, depending on {@code dependencies}.
   */
  public Path publish(
      String gav,
      java.util.Map<String, String> sources,
      List<Path> classPath,
      String... dependencies)
      throws IOException {
    String[] p = gav.split(":");
    Path dir = root.resolve(p[0].replace('.', '/')).resolve(p[1]).resolve(p[2]);
    Files.createDirectories(dir);
    String base = p[1] + "-" + p[2];
    Path work = Files.createTempDirectory(root, "build");
    Path src = work.resolve("src");
    Path classes = work.resolve("classes");
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
    if (!classPath.isEmpty()) {
      args.add("-cp");
      args.add(
          String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
    }
    for (var e : sources.entrySet()) {
      Path f = src.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
      args.add(f.toString());
    }
    int rc =
        ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
    assertThat(rc).as("compiling %s", gav).isZero();
    Path jar = dir.resolve(base + ".jar");
    zip(classes, jar);
    zip(src, dir.resolve(base + "-sources.jar"));
    StringBuilder deps = new StringBuilder();
    for (String d : dependencies) {
      String[] q = d.split(":");
      deps.append("<dependency><groupId>")
          .append(q[0])
          .append("</groupId><artifactId>")
          .append(q[1])
          .append("</artifactId><version>")
          .append(q[2])
          .append("</version></dependency>");
    }
    Files.writeString(
        dir.resolve(base + ".pom"),
        "<project><modelVersion>4.0.0</modelVersion><groupId>"
            + p[0]
            + "</groupId><artifactId>"
            + p[1]
            + "</artifactId><version>"
            + p[2]
            + "</version><dependencies>"
            + deps
            + "</dependencies></project>\n");
    return jar;
  }

  private static void zip(Path folder, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out);
        Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(f));
        zip.closeEntry();
      }
    }
  }
}
