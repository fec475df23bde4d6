package org.karvan.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Spark module is a front end over the app layer: it never uses the CLI or the server, nothing
 * else of Karvan knows Spark, and the CLI's build does not reach for this module.
 */
class SparkLayeringTest {
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // Karvan's own modules only (not the 170 jars of Spark on the test classpath).
          .withImportOption(location -> location.contains("/karvan-"))
          .importPackages("org.karvan");

  @Test
  void theJobsUseTheAppLayerNotTheOtherFrontEnds() {
    noClasses()
        .that()
        .resideInAPackage("org.karvan.spark..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.karvan.cli..", "org.karvan.server..", "io.javalin..")
        .check(ALL);
  }

  @Test
  void nothingElseOfKarvanKnowsSpark() {
    noClasses()
        .that()
        .resideInAnyPackage("org.karvan.app..", "org.karvan.io..", "org.karvan.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
        .check(ALL);
  }

  @Test
  void theCliAndServerBuildsDoNotDependOnThisModule() throws Exception {
    for (String m : new String[] {"karvan-cli", "karvan-server", "karvan-app"}) {
      assertThat(Files.readString(Path.of("..", m, "pom.xml")))
          .as(m + "/pom.xml")
          .doesNotContain("karvan-spark")
          .doesNotContain("org.apache.spark");
    }
  }
}
