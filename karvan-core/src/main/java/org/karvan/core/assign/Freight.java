package org.karvan.core.assign;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karvan.core.graph.EdgeCost;
import org.karvan.core.graph.EdgeKind;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.Terminal;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Overlay;
import org.karvan.core.scenario.Corridors;

/**
 * Freight demand on the compiled multimodal graph: per-tonne generalised cost weights (USD per
 * tonne plus value of time × hours), the assignment network with volume-delay on capacity-limited
 * links, crossings and terminals, closable elements for criticality, and the corridor of a route.
 */
public final class Freight {
  /** BPR parameters used on capacity-limited elements (the traditional values). */
  public static final double ALPHA = 0.15;

  public static final double BETA = 4;

  private final MultimodalGraph g;
  private final Network net;
  private final Profile profile;
  private final BitSet off;
  private final EdgeCost[] costs;

  public Freight(MultimodalGraph g, Constraints c) {
    this(g, c, null);
  }

  /**
   * Under a scenario (or {@code null} for the base network): the scenario's edge costs, closures
   * and year apply, over the shared graph.
   */
  public Freight(MultimodalGraph base, Constraints c, org.karvan.core.scenario.ScenarioView view) {
    this.g =
        view != null && view.addsElements()
            ? MultimodalGraph.compile(view.network(), view.profile())
            : base;
    this.net = g.network();
    this.profile = view == null ? g.profile() : view.profile();
    this.costs = view == null ? g.edgeCosts() : g.costsUnder(view, view.profile());
    Overlay.check(net, c);
    BitSet m = Overlay.mask(g, Overlay.effective(c, view), view);
    this.off = m == null ? new BitSet() : m;
  }

  /** The profile in force (the scenario's, if it changes parameters). */
  public Profile profile() {
    return profile;
  }

  /** The cost of an edge in force (the scenario's, if any). */
  public EdgeCost cost(int e) {
    return costs[e];
  }

  public MultimodalGraph graph() {
    return g;
  }

  public BitSet off() {
    return (BitSet) off.clone();
  }

  /** USD per tonne-hour of value of time for a demand row. */
  public double votPerTonneH(FreightDemand d) {
    double perTeu =
        d.valueOfTime() != null ? d.valueOfTime() : profile.get("value_of_time.usd_per_teu_h");
    return perTeu / profile.get("cargo.tonnes_per_teu");
  }

  /** Edge weights in USD per tonne (money + value of time × hours) for a demand row. */
  public double[] weights(FreightDemand d) {
    Cargo c = Cargo.parse(d.cargo(), profile);
    double vot = votPerTonneH(d);
    double restScale = c.restScale(profile);
    int m = g.csr().edgeCount();
    double[] w = new double[m];
    for (int e = 0; e < m; e++) {
      EdgeCost ec = costs[e];
      w[e] = c.usd(ec) / c.tonnes() + vot * c.hours(ec, restScale);
    }
    return w;
  }

  /** Hours and km per edge. */
  public double[][] hoursKm() {
    int m = g.csr().edgeCount();
    double[] h = new double[m];
    double[] km = new double[m];
    for (int e = 0; e < m; e++) {
      h[e] = costs[e].hours();
      km[e] = costs[e].km();
    }
    return new double[][] {h, km};
  }

  /** The OD flows for criticality. */
  public List<Criticality.Od> ods(List<FreightDemand> demand) {
    List<Criticality.Od> out = new ArrayList<>();
    for (FreightDemand d : demand) {
      out.add(
          new Criticality.Od(
              d.origin() + "->" + d.destination(),
              g.hub(g.physIndex(d.origin())),
              g.hub(g.physIndex(d.destination())),
              d.tonnesPerYear(),
              weights(d)));
    }
    return out;
  }

  public Criticality.Graph criticalityGraph() {
    double[][] hk = hoursKm();
    return new Criticality.Graph(g.csr(), off(), g.hubs(), hk[0], hk[1]);
  }

  /** Closable elements of the given types ("links", "borders", "terminals", "ferries"). */
  public List<Criticality.Element> elements(java.util.Set<String> types) {
    Map<String, BitSet> links = new LinkedHashMap<>();
    Map<String, BitSet> borders = new LinkedHashMap<>();
    Map<String, BitSet> terminals = new LinkedHashMap<>();
    Map<String, BitSet> ferries = new LinkedHashMap<>();
    for (int e = 0; e < g.csr().edgeCount(); e++) {
      if (off.get(e)) {
        continue;
      }
      if (g.kind(e) == EdgeKind.MOVE) {
        Link l = g.link(e);
        if (l.borderCrossing() != null) {
          borders.computeIfAbsent(l.borderCrossing(), k -> new BitSet()).set(e);
        } else if (l.mode() == Mode.FERRY) {
          ferries.computeIfAbsent(l.id(), k -> new BitSet()).set(e);
        } else {
          links.computeIfAbsent(l.id(), k -> new BitSet()).set(e);
        }
      } else if (g.kind(e) == EdgeKind.TRANSFER) {
        terminals.computeIfAbsent(g.terminal(e).id(), k -> new BitSet()).set(e);
      }
    }
    List<Criticality.Element> out = new ArrayList<>();
    add(out, types, "links", "link", links);
    add(out, types, "borders", "border", borders);
    add(out, types, "terminals", "terminal", terminals);
    add(out, types, "ferries", "ferry", ferries);
    return out;
  }

  private static void add(
      List<Criticality.Element> out,
      java.util.Set<String> types,
      String key,
      String type,
      Map<String, BitSet> m) {
    if (types.contains("all") || types.contains(key)) {
      m.forEach((id, bits) -> out.add(new Criticality.Element(type, id, bits)));
    }
  }

  /** A congestible element of the multimodal network: its id, kind and capacity in t/yr. */
  public record Resource(String kind, String id, double capacityTpy) {}

  /** The assignment network for UE: weights averaged by tonnes; delays on capacity elements. */
  public record Model(
      AssignmentNetwork network,
      OdMatrix demand,
      List<Resource> resources,
      int[] edgeOf,
      int[] zoneHub) {}

  /**
   * Builds the assignment network: one node per virtual node, one edge per usable virtual edge,
   * fixed cost the tonne-weighted mean per-tonne weight, and a BPR delay (α = 0.15, β = 4; the
   * free-flow reference is the element's base hours × the mean value of time, at least one hour) on
   * links with {@code capacity_tpy}, on crossings with {@code capacity_per_day} (vehicles/day × 365
   * × tonnes per vehicle) and on terminals with {@code capacity_tpy}. A crossing link with both
   * uses the tighter capacity. Capacities are for both directions together.
   */
  public Model model(List<FreightDemand> demand) {
    int m = g.csr().edgeCount();
    double[] w = new double[m];
    double total = 0;
    double vot = 0;
    for (FreightDemand d : demand) {
      double[] wd = weights(d);
      for (int e = 0; e < m; e++) {
        w[e] += d.tonnesPerYear() * wd[e];
      }
      total += d.tonnesPerYear();
      vot += d.tonnesPerYear() * votPerTonneH(d);
    }
    for (int e = 0; e < m; e++) {
      w[e] = total > 0 ? w[e] / total : 0;
    }
    vot = total > 0 ? vot / total : 0;
    double tPerVeh = profile.get("cargo.tonnes_per_teu") * profile.get("cargo.teu_per_vehicle");
    AssignmentNetwork.Builder b = AssignmentNetwork.builder(g.csr().nodeCount());
    Map<String, Integer> resIndex = new HashMap<>();
    List<Resource> resources = new ArrayList<>();
    List<Integer> edgeOf = new ArrayList<>();
    for (int e = 0; e < m; e++) {
      if (off.get(e)) {
        continue;
      }
      int r = -1;
      EdgeCost c = costs[e];
      if (g.kind(e) == EdgeKind.MOVE) {
        Link l = g.link(e);
        double cap = l.capacityTpy() != null ? l.capacityTpy() : Double.POSITIVE_INFINITY;
        String kind = "link";
        String id = l.id();
        double ref = c.moveH();
        if (l.borderCrossing() != null) {
          BorderCrossing bc = net.getCrossing(l.borderCrossing());
          if (bc.capacityPerDay() != null && bc.capacityPerDay() * 365 * tPerVeh < cap) {
            cap = bc.capacityPerDay() * 365 * tPerVeh;
            kind = "border";
            id = bc.id();
            ref = (bc.ab().meanH() + bc.ba().meanH()) / 2;
          }
        }
        if (Double.isFinite(cap) && cap > 0) {
          r = resource(b, resIndex, resources, kind, id, cap, Math.max(1, ref) * vot);
        }
      } else if (g.kind(e) == EdgeKind.TRANSFER) {
        Terminal t = g.terminal(e);
        if (t.capacityTpy() != null && t.capacityTpy() > 0) {
          r =
              resource(
                  b,
                  resIndex,
                  resources,
                  "terminal",
                  t.id(),
                  t.capacityTpy(),
                  Math.max(1, t.handlingH()) * vot);
        }
      }
      b.edge(g.csr().tail(e), g.csr().head(e), w[e], r);
      edgeOf.add(e);
    }
    Map<String, Integer> zone = new LinkedHashMap<>();
    for (FreightDemand d : demand) {
      zone.putIfAbsent(d.origin(), zone.size());
      zone.putIfAbsent(d.destination(), zone.size());
    }
    int[] zoneHub = new int[zone.size()];
    zone.forEach((id, z) -> zoneHub[z] = g.hub(g.physIndex(id)));
    AssignmentNetwork an = b.zones(zoneHub).noThrough(g.hubs()).build();
    OdMatrix.Builder ob = OdMatrix.builder(zone.size());
    for (FreightDemand d : demand) {
      ob.add(zone.get(d.origin()), zone.get(d.destination()), d.tonnesPerYear());
    }
    int[] eo = new int[edgeOf.size()];
    for (int i = 0; i < eo.length; i++) {
      eo[i] = edgeOf.get(an.inputOf(i));
    }
    return new Model(an, ob.build(), resources, eo, zoneHub);
  }

  private static int resource(
      AssignmentNetwork.Builder b,
      Map<String, Integer> index,
      List<Resource> list,
      String kind,
      String id,
      double cap,
      double d0) {
    return index.computeIfAbsent(
        kind + ":" + id,
        k -> {
          list.add(new Resource(kind, id, cap));
          return b.resource(d0, ALPHA, BETA, cap);
        });
  }

  /** Corridor classes, in the order a route is tested against them. */
  public static final List<String> CORRIDORS = Corridors.CLASSES;

  /** The corridor class of a route given as virtual edges ({@link Corridors#classOf}). */
  public String corridor(int[] edges) {
    List<Link> links = new ArrayList<>();
    for (int e : edges) {
      if (g.kind(e) == EdgeKind.MOVE) {
        links.add(g.link(e));
      }
    }
    return Corridors.classOf(net, links);
  }

  /** The physical node ids of a path, consecutive repeats removed. */
  public List<String> nodes(int[] edges) {
    List<String> out = new ArrayList<>();
    for (int e : edges) {
      for (int v : new int[] {g.csr().tail(e), g.csr().head(e)}) {
        String id = g.physNode(g.physOf(v)).id();
        if (out.isEmpty() || !out.get(out.size() - 1).equals(id)) {
          out.add(id);
        }
      }
    }
    return out;
  }
}
