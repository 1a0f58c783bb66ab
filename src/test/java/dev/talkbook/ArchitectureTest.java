package dev.talkbook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;

/**
 * The rules docs/architecture.md states, checked on the main classes: the layers, the order inside
 * the core, the window's feature packages, who talks SQL, who prints, and who starts threads.
 */
@AnalyzeClasses(packages = "dev.talkbook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  // ---- layers

  @ArchTest
  static final ArchRule coreImportsNoJavaFx =
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "org.fxmisc..", "com.sun.javafx..", "org.reactfx..");

  /**
   * Every tooltip is made by {@code Tips}, which lets Esc through: a JavaFX tooltip showing takes
   * the Esc pressed in its window (the REPL's Stop button's, "Stop the running code (Esc)", kept
   * the code running; the details pane's kept a field's problem).
   */
  @ArchTest
  static final ArchRule tooltipsAreMadeByTips =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.talkbook.ui.common.Tips")
          .should()
          .callConstructor(javafx.scene.control.Tooltip.class)
          .orShould()
          .callConstructor(javafx.scene.control.Tooltip.class, String.class);

  @ArchTest
  static final ArchRule coreDoesNotUseTheLayersAboveIt =
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.talkbook.cli..", "dev.talkbook.ui..");

  @ArchTest
  static final ArchRule cliAndUiStayApart =
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.talkbook.ui..");

  @ArchTest
  static final ArchRule uiDoesNotUseTheCommandLine =
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook.ui..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.talkbook.cli..");

  @ArchTest
  static final ArchRule onlyTheStoreTalksSql =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.talkbook.core.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "org.sqlite..");

  // ---- the order inside the core (the diagram's arrows; core.common is for every layer)

  /** Each core package and the other core packages it may use. */
  static final Map<String, Set<String>> CORE_MAY_USE =
      Map.ofEntries(
          Map.entry("common", Set.of()),
          Map.entry("notebook", Set.of("common")),
          Map.entry("search", Set.of("notebook", "common")),
          Map.entry("markdown", Set.of("notebook", "common")),
          Map.entry("outliner", Set.of("markdown", "common")),
          Map.entry("agenda", Set.of("notebook", "common")),
          Map.entry("store", Set.of("search", "markdown", "notebook", "common")),
          Map.entry("repl", Set.of("markdown", "notebook", "common")),
          Map.entry("sample", Set.of("store", "search", "notebook", "common")),
          Map.entry("exchange", Set.of("store", "search", "markdown", "notebook", "common")),
          Map.entry("site", Set.of("store", "search", "markdown", "notebook", "common")),
          Map.entry("share", Set.of("site", "repl", "store", "markdown", "notebook", "common")));

  @ArchTest
  static void corePackagesUseOnlyThoseToTheirRight(JavaClasses classes) {
    for (Map.Entry<String, Set<String>> rule : CORE_MAY_USE.entrySet()) {
      String[] forbidden =
          CORE_MAY_USE.keySet().stream()
              .filter(p -> !p.equals(rule.getKey()) && !rule.getValue().contains(p))
              .map(p -> "dev.talkbook.core." + p + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook.core." + rule.getKey() + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(forbidden)
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @ArchTest
  static void everyCorePackageHasARule(JavaClasses classes) {
    Set<String> packages = new TreeSet<>();
    for (JavaClass c : classes) {
      String name = c.getPackageName();
      if (name.startsWith("dev.talkbook.core.")) {
        packages.add(name.substring("dev.talkbook.core.".length()).split("\\.")[0]);
      }
    }
    Set<String> missing =
        packages.stream()
            .filter(p -> !CORE_MAY_USE.containsKey(p))
            .collect(Collectors.toCollection(TreeSet::new));
    if (!missing.isEmpty()) {
      throw new AssertionError(
          "core packages without a place in ArchitectureTest.CORE_MAY_USE (and the diagram in"
              + " docs/architecture.md): "
              + missing);
    }
  }

  // ---- the window

  @ArchTest
  static void uiFeaturePackagesUseOnlyUiCommonAndTheCore(JavaClasses classes) {
    Set<String> features = new TreeSet<>();
    for (JavaClass c : classes) {
      String name = c.getPackageName();
      if (name.startsWith("dev.talkbook.ui.") && !name.startsWith("dev.talkbook.ui.common")) {
        features.add(name.substring("dev.talkbook.ui.".length()).split("\\.")[0]);
      }
    }
    for (String feature : features) {
      String[] others =
          features.stream()
              .filter(f -> !f.equals(feature))
              .map(f -> "dev.talkbook.ui." + f + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook.ui." + feature + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("dev.talkbook.ui")
          .because(
              "a feature package uses only ui.common and the core; the root package ui puts"
                  + " the features together")
          .check(classes);
    }
  }

  @ArchTest
  static final ArchRule theWindowDoesNotPrint =
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook.ui..")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .because(
              "the window reports through dialogs, the status bar and System.Logger; the"
                  + " benchmarks' probe lines go through core.common.Probes");

  // ---- threads

  /** The core classes that start threads, each documented in docs/architecture.md. */
  static final List<String> CORE_THREAD_STARTERS =
      List.of(
          "dev.talkbook.core.repl.ReplSession",
          "dev.talkbook.core.repl.StdinServer",
          "dev.talkbook.core.repl.NoDelayExecutionProvider",
          "dev.talkbook.core.repl.agent.ReplAgent",
          "dev.talkbook.core.site.SiteExporter",
          "dev.talkbook.core.share.ShareSession",
          "dev.talkbook.core.share.ShareServer");

  @ArchTest
  static final ArchRule onlyTheDocumentedCoreClassesStartThreads =
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook.core..")
          .and(
              DescribedPredicate.describe(
                  "are not documented thread starters",
                  (JavaClass c) ->
                      CORE_THREAD_STARTERS.stream()
                          .noneMatch(
                              s -> c.getName().equals(s) || c.getName().startsWith(s + "$"))))
          .should(startThreads())
          .because(
              "the core is blocking and thread-safe; only the REPL session, the site"
                  + " exporter's workers and live share's server and render thread start threads (docs/architecture.md, Threading)");

  /** Constructs a {@link Thread}, makes an executor, or hands work to the common pool. */
  private static ArchCondition<JavaClass> startThreads() {
    return new ArchCondition<>("start threads") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (JavaAccess<?> access : item.getAccessesFromSelf()) {
          String owner = access.getTargetOwner().getName();
          String name = access.getName();
          boolean starts =
              (owner.equals(Thread.class.getName()) && name.equals("<init>"))
                  || owner.equals(Executors.class.getName())
                  || owner.equals(ForkJoinPool.class.getName())
                  || (owner.equals(CompletableFuture.class.getName())
                      && (name.equals("supplyAsync") || name.equals("runAsync")))
                  || name.equals("parallelStream")
                  || (name.equals("parallel") && owner.startsWith("java.util.stream."));
          if (starts) {
            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
          }
        }
      }
    };
  }

  // ---- the look

  /** The controls tools/primer-left-out.txt names, read once for every class the rule checks. */
  private static final Set<String> LEFT_OUT_CONTROLS = PrimerLeftOut.allControls();

  /**
   * The controls whose rules the build leaves out of its copy of AtlantaFX's Primer sheets
   * (tools/primer-left-out.txt, read by tools/BinaryStylesheets.java): the window makes none.
   */
  @ArchTest
  static final ArchRule noControlWhosePrimerRulesAreLeftOut =
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are controls whose Primer rules the build leaves out",
                  (JavaClass c) -> LEFT_OUT_CONTROLS.stream().anyMatch(c::isAssignableTo)))
          .because(
              "their rules are not in the window's user-agent sheet: to use one, take its line out"
                  + " of tools/primer-left-out.txt");
}
