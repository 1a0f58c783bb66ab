package dev.talkbook.core.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pure: javac 17's messages for code written for a newer Java, and what the REPL says. */
class NewerJavaTest {

  private final NewerJava on17 = new NewerJava(17);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          cannot find symbol\\n  symbol:   method newVirtualThreadPerTaskExecutor()\\n  location: class java.util.concurrent.Executors | Executors.newVirtualThreadPerTaskExecutor() needs Java 21; this REPL runs Java 17.
          cannot find symbol\\n  symbol:   method ofVirtual()\\n  location: class java.lang.Thread                                     | Thread.ofVirtual() needs Java 21; this REPL runs Java 17.
          cannot find symbol\\n  symbol:   method reversed()\\n  location: interface java.util.List<java.lang.Integer>               | List.reversed() needs Java 21; this REPL runs Java 17.
          cannot find symbol\\n  symbol:   class SequencedCollection\\n  location: class                                                 | SequencedCollection needs Java 21; this REPL runs Java 17.
          cannot find symbol\\n  symbol:   class StructuredTaskScope\\n  location: class                                                 | StructuredTaskScope is a preview API since Java 21 (it needs --enable-preview); this REPL runs Java 17.
          cannot find symbol\\n  symbol:   variable IO\\n  location: class                                                               | IO needs Java 25; this REPL runs Java 17.
          cannot find symbol\\n  symbol:   method clamp(int,int,int)\\n  location: class java.lang.Math                                  | Math.clamp() needs Java 21; this REPL runs Java 17.
          package java.lang.classfile does not exist                                                                                  | package java.lang.classfile needs Java 24; this REPL runs Java 17.
          """)
  void aMissingNameOfNewerJavaSaysWhichJava(String message, String advice) {
    assertThat(on17.advice(message.replace("\\n", "\n"), "")).contains(advice);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ')' expected                                                                     | if (o instanceof P(int x, int y)) {}                 | A record pattern needs Java 21
          as of release 9, '_' is a keyword, and may not be used as an identifier          | int _ = 5;                                           | An unnamed variable or pattern (_) needs Java 22
          '.' expected                                                                     | import module java.base;                             | A module import (import module …) needs Java 25
          call to super must be first statement in constructor                             | class C extends B { C() { int a = 1; super(); } }    | A statement before super(…) in a constructor needs Java 25
          """)
  void aLanguageFeatureOfNewerJavaSaysWhichJava(String message, String source, String advice) {
    assertThat(on17.advice(message, source))
        .hasValueSatisfying(a -> assertThat(a).startsWith(advice));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          incompatible types: String cannot be converted to int                                   | int a = "x";
          cannot find symbol\\n  symbol:   variable notDeclaredAnywhere\\n  location: class        | notDeclaredAnywhere + 1
          cannot find symbol\\n  symbol:   method reversed()\\n  location: class Playlist            | new Playlist().reversed()
          ')' expected                                                                            | System.out.println(1;
          """)
  void otherErrorsGetNoAdvice(String message, String source) {
    assertThat(on17.advice(message.replace("\\n", "\n"), source)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          cannot find symbol\\n  symbol:   method newVirtualThreadPerTaskExecutor()\\n  location: class java.util.concurrent.Executors | var e = Executors.newVirtualThreadPerTaskExecutor();
          """)
  void aJavaThatHasItGivesNoAdvice(String message, String source) {
    assertThat(new NewerJava(25).advice(message.replace("\\n", "\n"), source)).isEmpty();
  }

  /**
   * javac's own hint, "(use --enable-preview …)", names an option the window's REPL has no place
   * for: the advice says where preview features are turned on, and when the feature is final.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          17 | patterns in switch statements are a preview feature and are disabled by default.\\n  (use --enable-preview to enable patterns in switch statements) | int k = switch (o) { case P p -> 1; default -> 0; }; | patterns in switch statements are a preview feature and are disabled by default in Java 17. To use it, turn on Java › Enable preview features (in a script: talkbook run --enable-preview). It is final in Java 21.
          25 | primitive patterns are a preview feature and are disabled by default.\\n  (use --enable-preview to enable primitive patterns)                 | Object o = 1; if (o instanceof int i) {}           | primitive patterns are a preview feature and are disabled by default in Java 25. To use it, turn on Java › Enable preview features (in a script: talkbook run --enable-preview).
          21 | java.lang.StringTemplate is a preview API and is disabled by default.\\n  (use --enable-preview to enable preview APIs)                | StringTemplate t = null;                           | java.lang.StringTemplate is a preview API and is disabled by default in Java 21. To use it, turn on Java › Enable preview features (in a script: talkbook run --enable-preview).
          """)
  void aPreviewFeatureSaysHowToEnableIt(int running, String message, String source, String advice) {
    assertThat(new NewerJava(running).advice(message.replace("\\n", "\n"), source))
        .contains(advice);
  }
}
