package org.karvan.io.tntp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.core.assign.AssignmentNetwork;
import org.karvan.core.assign.Equilibrium;
import org.karvan.core.assign.Method;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;

/** The TNTP reader on small files written here (Braess's network) and on broken lines. */
class TntpReaderTest {
  @TempDir Path dir;

  // Braess's network in TNTP form: t = t0 (1 + b (x / c)^power); zones 1 and 4.
  static final String NET =
      """
      <NUMBER OF ZONES> 4
      <NUMBER OF NODES> 4
      <FIRST THRU NODE> 1
      <NUMBER OF LINKS> 5
      <END OF METADATA>

      ~ init term capacity length fft b power speed toll type ;
      \t1\t2\t1\t1\t0.000001\t10000000\t1\t0\t0\t1\t;
      \t3\t4\t1\t1\t0.000001\t10000000\t1\t0\t0\t1\t;
      \t1\t3\t1\t1\t50\t0.02\t1\t0\t0\t1\t;
      \t2\t4\t1\t1\t50\t0.02\t1\t0\t0\t1\t;
      \t2\t3\t1\t1\t10\t0.1\t1\t0\t0\t1;
      """;

  static final String TRIPS =
      """
      <NUMBER OF ZONES> 4
      <TOTAL OD FLOW> 6.0
      <END OF METADATA>

      Origin 1
          4 :   6.0;  2 : 0.0;
      """;

  @Test
  void readsAndSolvesBraess() throws IOException {
    Files.writeString(dir.resolve("Braess_net.tntp"), NET);
    Files.writeString(dir.resolve("Braess_trips.tntp"), TRIPS);
    Files.writeString(
        dir.resolve("Braess_flow.tntp"),
        "From \tTo \tVolume \tCost\n1\t2\t4\t40\n3\t4\t4\t40\n1\t3\t2\t52\n2\t4\t2\t52\n2\t3\t2\t12\n");
    TntpReader.Instance in = TntpReader.readDir(dir);
    assertThat(in.problems().sorted()).isEmpty();
    assertThat(in.name()).isEqualTo("Braess");
    assertThat(in.net().links()).hasSize(5);
    assertThat(in.trips().total()).isEqualTo(6.0);
    assertThat(in.flows().rows()).hasSize(5);
    AssignmentNetwork net = TntpReader.network(in);
    Equilibrium.Result r =
        Equilibrium.solve(
            net, TntpReader.demand(in), new Equilibrium.Settings(Method.BFW, 1e-9, 1000, 1));
    double[] best = TntpReader.flowsByLink(in, new org.karvan.core.validate.Problems());
    for (int e = 0; e < net.edgeCount(); e++) {
      assertThat(r.flows()[e]).isCloseTo(best[net.inputOf(e)], within(1e-3));
    }
  }

  @Test
  void everyBadLineIsReportedWithFileLineAndFieldAndSkipped() throws IOException {
    String net =
        NET.replace("\t3\t4\t1\t1\t0.000001", "\t3\tfour\t1\t1\t0.000001")
            .replace("\t2\t4\t1\t1\t50", "\t2\t4\t1\t1\t-50")
            .replace("\t2\t3\t1\t1\t10\t0.1\t1\t0\t0\t1;", "\t2\t3\t1;");
    String trips = TRIPS.replace("4 :   6.0;  2 : 0.0;", "4 :   6.0;  2 : x;  9 : 1.0;");
    Files.writeString(dir.resolve("Bad_net.tntp"), net);
    Files.writeString(dir.resolve("Bad_trips.tntp"), trips);
    TntpReader.Instance in = TntpReader.readDir(dir);
    assertThat(in.problems().errors())
        .extracting(Problem::toString)
        .containsExactly(
            "Bad_net.tntp:9:4: term_node: not a number: 'four'",
            "Bad_net.tntp:11:10: free_flow_time: '-50' must be >= 0",
            "Bad_net.tntp:12:1: length: link line has 3 fields; at least 7 are needed"
                + " (init_node term_node capacity length free_flow_time b power [speed toll"
                + " link_type])",
            "Bad_trips.tntp:6:21: volume: not a number: 'x'",
            "Bad_trips.tntp:6:25: destination: 9 is not a zone (1..4)");
    assertThat(in.net().links()).hasSize(2);
    assertThat(in.skipped()).isEqualTo(5);
    assertThat(in.trips().trips()).hasSize(1);
  }

  @Test
  void missingEssentialsAreFatal() throws IOException {
    Files.writeString(dir.resolve("X_net.tntp"), "<NUMBER OF ZONES> 2\n<END OF METADATA>\n");
    assertThatThrownBy(() -> TntpReader.readDir(dir))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).errors())
                    .extracting(Problem::toString)
                    .anyMatch(s -> s.contains("no *_trips.tntp file")));
  }
}
