package org.karvan.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import org.karvan.core.assign.Criticality;
import org.karvan.core.assign.Freight;
import org.karvan.core.model.Network;

/**
 * Use case: close each element (link, border, terminal, ferry) in turn, re-route the demand that
 * used it, and rank the elements by the damage done. See docs/analysis.md.
 */
public final class CriticalityService {
  /**
   * @param demand a demand CSV, or {@code null} for the built-in demand
   * @param elements links, borders, terminals, ferries or all
   */
  public record Request(Path demand, List<String> elements, int threads, String scenario) {
    public Request {
      elements = elements == null || elements.isEmpty() ? List.of("all") : List.copyOf(elements);
    }
  }

  /** One element's impact, ranked; {@code newMainRoute} the nodes of its main OD's new route. */
  public record Row(int rank, Criticality.Impact impact, List<String> newMainRoute) {}

  public record Result(
      Network network,
      String scenario,
      int demandRows,
      List<Row> rows,
      List<String> demandProblems) {}

  private static final Set<String> TYPES =
      Set.of("links", "borders", "terminals", "ferries", "all");

  private final Karvan k;

  CriticalityService(Karvan k) {
    this.k = k;
  }

  /**
   * @param progress given the number of elements, the consumer of elements done (or null)
   */
  public Result run(Request r, java.util.function.IntFunction<IntConsumer> progress) {
    Fields f = new Fields();
    Set<String> types = new LinkedHashSet<>();
    for (String e : r.elements()) {
      String t = e.trim().toLowerCase(Locale.ROOT);
      if (!TYPES.contains(t)) {
        f.error(
            "elements",
            "unknown value '" + e + "'; allowed: links, borders, terminals, ferries, all");
      }
      types.add(t);
    }
    AssignService.threads(r.threads(), f);
    f.throwIfAny();
    AssignService.Setup s = new AssignService(k).setup(r.demand(), r.scenario(), f);
    Freight fr = s.f();
    List<Criticality.Element> els = fr.elements(types);
    List<Criticality.Impact> res =
        Criticality.run(
            fr.criticalityGraph(),
            fr.ods(s.demand()),
            els,
            r.threads(),
            progress == null ? i -> {} : progress.apply(els.size()));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < res.size(); i++) {
      Criticality.Impact im = res.get(i);
      rows.add(new Row(i + 1, im, im.newMainPath() == null ? null : fr.nodes(im.newMainPath())));
    }
    return new Result(s.net(), s.scenario(), s.demand().size(), rows, s.problems());
  }
}
