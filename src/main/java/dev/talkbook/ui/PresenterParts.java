package dev.talkbook.ui;

import dev.talkbook.ui.common.ReplGuide;
import dev.talkbook.ui.presenter.PresenterMode;
import dev.talkbook.ui.preview.PreviewView;
import dev.talkbook.ui.repl.ReplDock;

/** The REPL dock and the preview as presenter mode drives them (it uses neither package). */
final class PresenterParts {
  private PresenterParts() {}

  /**
   * @param runsCode whether code runs (the REPL's, the notes' block, Run all, Rehearse)
   * @param stop stops that code
   */
  static PresenterMode.Repl repl(
      ReplDock dock, java.util.function.BooleanSupplier runsCode, Runnable stop) {
    return new PresenterMode.Repl() {
      @Override
      public void show() {
        dock.show();
      }

      @Override
      public void giveRoom(int lines, double least, double most) {
        dock.giveRoom(lines, least, most);
      }

      @Override
      public void showAlone(boolean alone) {
        dock.showAlone(alone);
      }

      @Override
      public void load(String code) {
        dock.pane().input().replaceText(code);
        dock.pane().input().moveTo(dock.pane().input().getLength());
      }

      @Override
      public String input() {
        return dock.pane().input().getText();
      }

      @Override
      public void keep(String text) {
        dock.pane().keepInHistory(text);
      }

      @Override
      public boolean runsCode() {
        return runsCode.getAsBoolean();
      }

      @Override
      public void wrapLines(boolean on) {
        dock.pane().wrapInput(on);
      }

      @Override
      public void fitInput(boolean on) {
        dock.pane().fitInput(on);
      }

      @Override
      public void append(String text) {
        dock.pane().input().appendText(text);
        dock.pane().input().moveTo(dock.pane().input().getLength());
        dock.pane().input().requestFollowCaret();
      }

      @Override
      public void run() {
        dock.pane().runInput();
      }

      @Override
      public void setCodeFontSize(double px) {
        dock.pane().setCodeFontSize(px);
      }

      @Override
      public void showStatus(String status, String... shorter) {
        dock.pane().showStatus(status, shorter);
      }

      @Override
      public void guide(ReplGuide guide) {
        dock.pane().guideWith(guide);
      }

      @Override
      public void stop() {
        stop.run();
      }
    };
  }

  static PresenterMode.Preview preview(PreviewView preview) {
    return new PresenterMode.Preview() {
      @Override
      public void setPresenting(boolean on) {
        preview.setPresenting(on);
      }

      @Override
      public void setZoom(double factor) {
        preview.setZoom(factor);
      }

      @Override
      public double zoom() {
        return preview.zoom();
      }
    };
  }
}
