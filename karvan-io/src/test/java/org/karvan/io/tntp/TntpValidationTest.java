package org.karvan.io.tntp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.karvan.core.assign.AssignmentNetwork;
import org.karvan.core.assign.Equilibrium;
import org.karvan.core.assign.Method;
import org.karvan.core.assign.OdMatrix;
import org.karvan.core.validate.Problems;

/**
 * Solves standard TNTP networks to a tight relative gap with bi-conjugate Frank-Wolfe and compares
 * the link flows and the Beckmann objective with the best-known solutions ({@code _flow.tntp}). The
 * objective of the best-known flows is recomputed here from those flows, in the files' own units.
 * Skipped when {@code ../shared/tntp} (academic licence, never copied into the repository) is
 * absent. Chicago Sketch (about 3 s) uses the README's generalised cost weights.
 */
class TntpValidationTest {
  static Path tntpRoot() {
    for (String p : new String[] {"../../shared/tntp", "../shared/tntp"}) {
      Path d = Path.of(p);
      if (Files.isDirectory(d)) {
        return d;
      }
    }
    return null;
  }

  @ParameterizedTest
  @CsvSource({
    "SiouxFalls, 1e-6, 1e-3, 1e-6",
    "Anaheim, 1e-6, 1e-2, 1e-6",
    "Chicago-Sketch, 1e-5, 1e-2, 1e-5"
  })
  void matchesBestKnownSolution(String name, double gap, double flowTol, double objTol) {
    Path root = tntpRoot();
    Required.require(root != null, "../shared/tntp (the TNTP test networks)");
    Path dir = root.resolve(name);
    Required.require(Files.isDirectory(dir), "../shared/tntp/" + name);
    TntpReader.Instance in = TntpReader.readDir(dir);
    assertThat(in.problems().hasErrors()).isFalse();
    AssignmentNetwork net = TntpReader.network(in);
    OdMatrix od = TntpReader.demand(in);
    Equilibrium.Result r =
        Equilibrium.solve(net, od, new Equilibrium.Settings(Method.BFW, gap, 2000, 2));
    assertThat(r.converged())
        .as("gap %s after %d iterations", r.gap(), r.iterations().size())
        .isTrue();
    assertThat(r.unreachable()).isZero();

    double[] best = TntpReader.flowsByLink(in, new Problems());
    double[] bestCsr = new double[best.length];
    double[] ours = new double[best.length];
    for (int e = 0; e < net.edgeCount(); e++) {
      bestCsr[e] = best[net.inputOf(e)];
      ours[net.inputOf(e)] = r.flows()[e];
    }
    double bestObj = net.beckmann(bestCsr);
    double maxFlow = 0;
    double maxDiff = 0;
    double sumDiff = 0;
    double sumFlow = 0;
    for (int i = 0; i < best.length; i++) {
      maxFlow = Math.max(maxFlow, best[i]);
      maxDiff = Math.max(maxDiff, Math.abs(ours[i] - best[i]));
      sumDiff += Math.abs(ours[i] - best[i]);
      sumFlow += best[i];
    }
    System.out.printf(
        "%s: %d iterations, gap %.3e, %d ms; objective %.12g vs best-known %.12g (rel %.2e);"
            + " max |dflow| %.4g (%.2e of max flow), total |dflow| / total flow %.2e%n",
        name,
        r.iterations().size(),
        r.gap(),
        r.millis(),
        r.objective(),
        bestObj,
        (r.objective() - bestObj) / bestObj,
        maxDiff,
        maxDiff / maxFlow,
        sumDiff / sumFlow);
    assertThat(Math.abs(r.objective() - bestObj) / bestObj).isLessThan(objTol);
    assertThat(maxDiff / maxFlow).isLessThan(flowTol);
  }
}
