package org.karvan.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of ARCHITECTURE.md: the CLI and the server are front ends over the application layer
 * and never depend on each other; the application layer knows neither; core knows no front end, no
 * HTTP and no JSON.
 */
class LayeringTest {
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.karvan");

  @Test
  void theCliDoesNotDependOnTheServer() {
    noClasses()
        .that()
        .resideInAPackage("org.karvan.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.karvan.server..")
        .check(ALL);
  }

  @Test
  void theServerDoesNotDependOnTheCli() {
    noClasses()
        .that()
        .resideInAPackage("org.karvan.server..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.karvan.cli..", "picocli..")
        .check(ALL);
  }

  @Test
  void theApplicationLayerKnowsNoFrontEnd() {
    noClasses()
        .that()
        .resideInAPackage("org.karvan.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.karvan.cli..", "org.karvan.server..", "picocli..", "io.javalin..")
        .check(ALL);
  }

  @Test
  void coreKnowsNoFrontEndHttpOrJson() {
    noClasses()
        .that()
        .resideInAPackage("org.karvan.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.karvan.io..",
            "org.karvan.app..",
            "org.karvan.cli..",
            "org.karvan.server..",
            "picocli..",
            "io.javalin..",
            "com.fasterxml..")
        .check(ALL);
  }

  @Test
  void frontEndsDoNotComputeThemselves() {
    noClasses()
        .that()
        .resideInAnyPackage("org.karvan.cli..", "org.karvan.server..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.karvan.core.routing.Router")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.karvan.core.routing.Dijkstra")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.karvan.core.scenario.ScenarioView")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.karvan.core.assign.Freight")
        .orShould()
        .callMethod(
            "org.karvan.core.assign.Equilibrium",
            "solve",
            "org.karvan.core.assign.AssignmentNetwork",
            "org.karvan.core.assign.OdMatrix",
            "org.karvan.core.assign.Equilibrium$Settings",
            "java.util.function.Consumer")
        .because("analyses run in the application layer, so the server offers every one")
        .check(ALL);
  }
}
