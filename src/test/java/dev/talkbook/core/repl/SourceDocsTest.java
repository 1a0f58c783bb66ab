package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Javadoc read from a library's sources jar, by the signature JShell gives. */
class SourceDocsTest {

  @TempDir Path dir;

  @Test
  void findsTheCommentOfAClassAMethodAnOverloadAndANestedClass() throws Exception {
    TestRepository repo = new TestRepository(Files.createDirectories(dir.resolve("r")));
    repo.publish(
        "demo:shapes:1.0",
        Map.of(
            "demo/shapes/Shape.java",
            """
            package demo.shapes;
            /** A <b>shape</b> on the plane.<p>See {@link Circle}. */
            public class Shape {
              /** The area of nothing. */
              public double area() { return 0; }
              /** The area scaled by {@code k}. */
              public double area(double k) { return 0; }
              /** A round one. */
              public static class Circle {}
            }
            """),
        List.of());
    Path sources = dir.resolve("r/demo/shapes/1.0/shapes-1.0-sources.jar");

    assertThat(SourceDocs.javadoc(sources, "demo.shapes.Shape"))
        .hasValue("A shape on the plane.\nSee Circle.");
    assertThat(SourceDocs.javadoc(sources, "double demo.shapes.Shape.area()"))
        .hasValue("The area of nothing.");
    assertThat(SourceDocs.javadoc(sources, "double demo.shapes.Shape.area(double arg0)"))
        .hasValue("The area scaled by k.");
    assertThat(SourceDocs.javadoc(sources, "demo.shapes.Shape.Circle")).hasValue("A round one.");
    assertThat(SourceDocs.javadoc(sources, "demo.shapes.Nowhere")).isEmpty();
  }
}
