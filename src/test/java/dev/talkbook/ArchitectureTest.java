package dev.talkbook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers stay as docs/architecture.md draws them. */
@AnalyzeClasses(packages = "dev.talkbook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreImportsNoJavaFx =
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "org.fxmisc..", "com.sun.javafx..");

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
  static final ArchRule onlyTheStoreTalksSql =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.talkbook.core.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "org.sqlite..");

  /**
   * The core is called, it does not run on its own: only the REPL (its session and event threads),
   * the site export (one thread per core while it writes) and live share (its web server and render
   * thread) start threads, and each stops its own (docs/architecture.md, "Threading").
   */
  @ArchTest
  static final ArchRule onlyTheReplTheSiteAndLiveShareStartThreadsInTheCore =
      noClasses()
          .that()
          .resideInAPackage("dev.talkbook.core..")
          .and()
          .resideOutsideOfPackages(
              "dev.talkbook.core.repl..", "dev.talkbook.core.site..", "dev.talkbook.core.share..")
          .should()
          .callConstructor(Thread.class, Runnable.class)
          .orShould()
          .callConstructor(Thread.class, Runnable.class, String.class)
          .orShould()
          .callConstructor(Thread.class)
          .orShould()
          .callConstructor(Thread.class, String.class)
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.concurrent.Executors")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("org.eclipse.jetty..");
}
