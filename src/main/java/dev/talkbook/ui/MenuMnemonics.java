package dev.talkbook.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * Underlined letters for the items of a menu, so that with a menu open (Alt+F) a letter picks an
 * item, as in any desktop app. An item whose text marks its own ("_Quit", "Cu_t": the usual ones)
 * keeps it; every other item gets the first free letter that begins one of its words, else any free
 * letter of it, unique within its menu. Items that show text as it is (file names in Open recent)
 * are left alone.
 */
final class MenuMnemonics {
  private MenuMnemonics() {}

  /** Gives {@code menu}'s items, and those of its sub-menus, their letters. */
  static void assign(Menu menu) {
    Set<Character> used = new HashSet<>();
    for (MenuItem item : menu.getItems()) {
      char marked = marked(item);
      if (marked != 0) {
        used.add(marked);
      }
    }
    for (MenuItem item : menu.getItems()) {
      if (item instanceof SeparatorMenuItem
          || item.getText() == null
          || !item.isMnemonicParsing()
          || marked(item) != 0) {
        // no letter, or one of its own
      } else {
        int at = free(item.getText(), used);
        if (at >= 0) {
          used.add(Character.toLowerCase(item.getText().charAt(at)));
          String text = item.getText();
          item.setText(text.substring(0, at) + "_" + text.substring(at));
        }
      }
      if (item instanceof Menu sub) {
        assign(sub);
      }
    }
  }

  /** The letter {@code item}'s text marks ("_Quit": q), lower case; 0 when none. */
  static char marked(MenuItem item) {
    String text = item.getText();
    if (text == null || !item.isMnemonicParsing()) {
      return 0;
    }
    for (int i = 0; i < text.length() - 1; i++) {
      if (text.charAt(i) == '_') {
        if (text.charAt(i + 1) == '_') {
          i++; // "__" is an underscore shown
        } else {
          return Character.toLowerCase(text.charAt(i + 1));
        }
      }
    }
    return 0;
  }

  /**
   * Where the letter to mark is in {@code text}: a word's first free letter, else any; -1: none.
   */
  private static int free(String text, Set<Character> used) {
    for (int i = 0; i < text.length(); i++) {
      boolean starts = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      if (starts && isFree(text.charAt(i), used)) {
        return i;
      }
    }
    for (int i = 0; i < text.length(); i++) {
      if (isFree(text.charAt(i), used)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isFree(char c, Set<Character> used) {
    return Character.isLetterOrDigit(c)
        && c < 128 // a key on every keyboard
        && !used.contains(Character.toLowerCase(c));
  }

  /**
   * With a menu open, its item's letter picks the item, as in any desktop menu; holding Alt works
   * too (JavaFX's own way). Without this, the open menu does not have the keyboard here: the letter
   * was typed into the notes under it, and the menu stayed open. Any other letter does nothing
   * while a menu is open.
   */
  static void pickByLetter(MenuBar bar, Scene scene) {
    boolean[] swallowTyped = {false};
    scene.addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if (swallowTyped[0]) {
            swallowTyped[0] = false;
            e.consume();
          }
        });
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          swallowTyped[0] = false;
          Menu open = openMenu(bar.getMenus());
          if (open == null
              || e.isAltDown()
              || e.isShortcutDown()
              || e.isControlDown()
              || e.isMetaDown()
              || e.getText() == null
              || e.getText().length() != 1
              || !Character.isLetterOrDigit(e.getText().charAt(0))) {
            return;
          }
          e.consume();
          swallowTyped[0] = true;
          char letter = Character.toLowerCase(e.getText().charAt(0));
          for (MenuItem item : open.getItems()) {
            if (marked(item) == letter && !item.isDisable() && item.isVisible()) {
              pick(item);
              return;
            }
          }
        });
  }

  /**
   * Alt+F opens File, and File stays open however the keys are let go. JavaFX's menu bar takes an
   * Alt let go right after Alt was pressed for "Alt alone" (the keyboard to the first menu) and
   * closes the open menu; it never learns of the F, which the mnemonic took first. So a quick Alt+F
   * whose Alt comes up before the F (as xdotool and many hands type it) opened File and shut it at
   * once. The window keeps that Alt from the menu bar when a menu opened while Alt was down. Alt
   * alone still goes to the menu bar.
   */
  static void keepOpenedWithAlt(MenuBar bar, Window window) {
    Menu[] openAtAlt = {null};
    boolean[] altDown = {false};
    window.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ALT && !altDown[0]) {
            altDown[0] = true;
            openAtAlt[0] = showing(bar);
          }
        });
    window.addEventFilter(
        KeyEvent.KEY_RELEASED,
        e -> {
          if (e.getCode() == KeyCode.ALT) {
            Menu open = showing(bar);
            if (altDown[0] && open != null && open != openAtAlt[0]) {
              e.consume();
            }
            altDown[0] = false;
            openAtAlt[0] = null;
          }
        });
  }

  /** The menu of the bar that is showing, else null. */
  private static Menu showing(MenuBar bar) {
    for (Menu menu : bar.getMenus()) {
      if (menu.isShowing()) {
        return menu;
      }
    }
    return null;
  }

  /** The innermost menu showing ({@code menus}' own or one of their sub-menus), else null. */
  private static Menu openMenu(List<? extends MenuItem> menus) {
    for (MenuItem item : menus) {
      if (item instanceof Menu menu && menu.isShowing()) {
        Menu deeper = openMenu(menu.getItems());
        return deeper != null ? deeper : menu;
      }
    }
    return null;
  }

  /** Does what a click on {@code item} does: opens a sub-menu, else closes the menus and acts. */
  private static void pick(MenuItem item) {
    if (item instanceof Menu sub) {
      // As the Right key on it does: the open menu's own way to show a sub-menu (its show() alone
      // marks it shown and shows nothing).
      javafx.scene.Node row = sub.getStyleableNode();
      if (row != null) {
        row.requestFocus();
        row.fireEvent(
            new KeyEvent(
                KeyEvent.KEY_PRESSED,
                "",
                "",
                javafx.scene.input.KeyCode.RIGHT,
                false,
                false,
                false,
                false));
      }
      return;
    }
    for (Menu m = item.getParentMenu(); m != null; m = m.getParentMenu()) {
      m.hide();
    }
    if (item instanceof CheckMenuItem check) {
      check.setSelected(!check.isSelected());
    } else if (item instanceof RadioMenuItem radio) {
      radio.setSelected(true);
    }
    item.fire();
  }

  /** The letters marked in {@code menu}'s items, in order (for tests). */
  static String letters(Menu menu) {
    StringBuilder out = new StringBuilder();
    for (MenuItem item : menu.getItems()) {
      char c = marked(item);
      if (c != 0) {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
