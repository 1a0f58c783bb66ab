package dev.talkbook.ui;

import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;

/**
 * For tests of the real window with a talk "Loom" open (a paragraph, one Java snippet, a last line
 * "Then: more.") and a REPL attached: presenter mode has a script of one snippet to work with.
 */
abstract class LoomTalkWindowTest extends RealWindowTest {
  static final String NOTES =
      "# Loom\n\nWhy threads.\n\n```java\nint answer = 6 * 7;\n```\n\nThen: more.\n";

  @BeforeEach
  void openTalkWithTheRepl(FxRobot robot) throws Exception {
    ui.openNewTalk(robot, "Loom", NOTES);
    ui.attachRepl(robot);
  }
}
