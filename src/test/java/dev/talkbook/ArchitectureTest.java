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
}
