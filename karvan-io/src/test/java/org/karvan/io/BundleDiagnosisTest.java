package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.model.Network;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;

/**
 * Root causes come first and the errors that follow from them fold into one line per cause (issue
 * 9, bug 6). The tiny bundle has 7 links, 2 crossings and 3 terminals, all naming nodes.
 */
class BundleDiagnosisTest {
  static List<String> problems(TinyBundle b) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::read);
    assertThat(e).as("the bundle must be refused").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  static List<String> errors(TinyBundle b) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::read);
    return e.errors().stream().map(Problem::toString).toList();
  }

  @Test
  void aMissingNodesFileIsTheFirstProblemAndItsFollowOnsFoldPerFile() {
    TinyBundle b = TinyBundle.load().remove("nodes.csv");
    assertThat(problems(b))
        .first()
        .isEqualTo("tiny/nodes.csv: missing file (required in every bundle)");
    assertThat(errors(b))
        .containsExactly(
            "tiny/nodes.csv: missing file (required in every bundle)",
            "tiny/border_crossings.csv: 2 rows refer to nodes of the missing nodes.csv",
            "tiny/links.csv: 7 rows refer to nodes of the missing nodes.csv",
            "tiny/terminals.csv: 3 rows refer to nodes of the missing nodes.csv");
  }

  @Test
  void aFileWithOnlyAHeaderSaysNoRows() {
    TinyBundle b = TinyBundle.load();
    String header = b.text("nodes.csv").lines().findFirst().orElseThrow() + "\n";
    b.put("nodes.csv", header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(problems(b))
        .first()
        .isEqualTo("tiny/nodes.csv:1: warning: no rows (the file has only a header)");
    assertThat(errors(b))
        .containsExactly(
            "tiny/border_crossings.csv: 2 rows refer to nodes of nodes.csv, which has no rows",
            "tiny/links.csv: 7 rows refer to nodes of nodes.csv, which has no rows",
            "tiny/terminals.csv: 3 rows refer to nodes of nodes.csv, which has no rows");
  }

  @Test
  void anOptionalFileWithOnlyAHeaderLoadsWithAWarning() {
    TinyBundle b = TinyBundle.load();
    String header = b.text("services.csv").lines().findFirst().orElseThrow() + "\n";
    Network n =
        b.put("services.csv", header.getBytes(java.nio.charset.StandardCharsets.UTF_8)).read();
    assertThat(n.warnings())
        .extracting(Problem::toString)
        .contains("tiny/services.csv:1: warning: no rows (the file has only a header)");
  }

  @Test
  void referencesToADroppedRowFoldIntoOneLinePerFile() {
    TinyBundle b = TinyBundle.load().replace("nodes.csv", "IR,37.5,49.0", "IR,abc,49.0");
    assertThat(errors(b))
        .containsExactly(
            "tiny/nodes.csv:3:5: lat: 'abc' is not a number (use a '.' decimal point, no thousands"
                + " separator)",
            "tiny/links.csv: 2 rows refer to node 'IRBBB', whose row nodes.csv:3 was dropped for"
                + " its errors",
            "tiny/terminals.csv: 1 row refers to node 'IRBBB', whose row nodes.csv:3 was dropped"
                + " for its errors");
  }

  @Test
  void aMissingKeyColumnIsOneErrorWithItsFollowOnsFolded() {
    TinyBundle b = TinyBundle.load().replace("nodes.csv", "id,name,", "ident,name,");
    assertThat(errors(b))
        .containsExactly(
            "tiny/nodes.csv:1: id: missing column 'id' in the header",
            "tiny/border_crossings.csv: 2 rows refer to nodes of nodes.csv, whose header lacks 'id'",
            "tiny/links.csv: 7 rows refer to nodes of nodes.csv, whose header lacks 'id'",
            "tiny/nodes.csv: id: 5 rows have no value: the header lacks that column",
            "tiny/terminals.csv: 3 rows refer to nodes of nodes.csv, whose header lacks 'id'");
  }
}
