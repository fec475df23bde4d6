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
    Prepared p = prepare(r);
    List<Criticality.Impact> res =
        Criticality.run(
            p.fr().criticalityGraph(),
            p.fr().ods(p.s().demand()),
            p.els(),
            r.threads(),
            progress == null ? i -> {} : progress.apply(p.els().size()));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < res.size(); i++) {
      rows.add(row(i + 1, p.fr(), res.get(i)));
    }
    return new Result(p.s().net(), p.s().scenario(), p.s().demand().size(), rows, p.s().problems());
  }

  /**
   * The elements {@code from} (inclusive) to {@code to} (exclusive) of the request's element list,
   * closed in turn, in that order and unranked ({@code rank} 0): for a caller that splits the
   * elements (the Spark job) and ranks the union itself by {@link Criticality#RANK}, ties in
   * element order, as {@link #run} does. {@code to} is clipped to the number of elements.
   */
  public List<Row> slice(Request r, int from, int to) {
    Prepared p = prepare(r);
    List<Criticality.Element> els = p.els().subList(from, Math.min(to, p.els().size()));
    List<Criticality.Impact> res =
        Criticality.run(
            p.fr().criticalityGraph(), p.fr().ods(p.s().demand()), els, r.threads(), i -> {});
    // Criticality.run ranks its slice; give the slice back in element order.
    java.util.Map<Criticality.Element, Criticality.Impact> by = new java.util.IdentityHashMap<>();
    res.forEach(im -> by.put(im.element(), im));
    List<Row> rows = new ArrayList<>();
    for (Criticality.Element e : els) {
      rows.add(row(0, p.fr(), by.get(e)));
    }
    return rows;
  }

  /**
   * What a request will close in turn, checked first: the number of elements, the demand rows and
   * the problems met reading the demand (skipped rows).
   */
  public record Plan(int elements, int demandRows, List<String> demandProblems) {}

  /** Checks the request and tells how many elements it closes in turn (see {@link #slice}). */
  public Plan plan(Request r) {
    Prepared p = prepare(r);
    return new Plan(p.els().size(), p.s().demand().size(), p.s().problems());
  }

  private record Prepared(AssignService.Setup s, Freight fr, List<Criticality.Element> els) {}

  private Prepared prepare(Request r) {
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
    return new Prepared(s, fr, fr.elements(types));
  }

  private static Row row(int rank, Freight fr, Criticality.Impact im) {
    return new Row(rank, im, im.newMainPath() == null ? null : fr.nodes(im.newMainPath()));
  }
}
