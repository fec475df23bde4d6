package org.karvan.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of karvan-core, checked on its compiled classes. */
class ArchitectureTest {
  static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.karvan.core");

  @Test
  void corePackagesHaveNoCycles() {
    slices().matching("org.karvan.core.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void coreDependsOnTheJdkAndItselfOnly() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.karvan.core..")
        .check(CORE);
  }
}
