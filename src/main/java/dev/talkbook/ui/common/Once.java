package dev.talkbook.ui.common;

import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/** A listener that does its work once and then takes itself off. */
public final class Once {
  private Once() {}

  /**
   * Runs {@code action} with the new value the first time {@code value} changes to one {@code test}
   * accepts, and stops listening then (before the action, so a change the action makes is not
   * seen). A value that passes already does not count: only a change to one.
   */
  public static <T> void when(
      ObservableValue<T> value, Predicate<? super T> test, Consumer<? super T> action) {
    value.addListener(
        new ChangeListener<T>() {
          @Override
          public void changed(ObservableValue<? extends T> observable, T was, T now) {
            if (test.test(now)) {
              observable.removeListener(this);
              action.accept(now);
            }
          }
        });
  }
}
