package org.karvan.core.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.karvan.core.model.Direction;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.ModeGauge;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.model.NodeKind;
import org.karvan.core.model.RailService;
import org.karvan.core.model.Terminal;
import org.karvan.core.profile.Profile;

/**
 * The compiled virtual network (after NODUS, Jourquin): each physical node expands into one virtual
 * node per {@link State} present there, plus a hub where trips start and end. Virtual edges load
 * and unload at hubs, move along links (border clearance and ferry waits folded into the move), and
 * transfer between states at terminals (breaks of gauge, transshipment, port handling). Immutable:
 * per-request constraints are edge masks over it, never copies.
 */
public final class MultimodalGraph {
  private final Network network;
  private final Profile profile;
  private final CostModel costs;
  private final Csr csr;
  private final int[] vPhys;
  private final State[] vState;
  private final int[] vLine;
  private final int[] vScope;
  private final int[] vTariff;
  private final ServiceLines lines;
  private final int[] hubOf;
  private final BitSet hubs;
  private final EdgeKind[] eKind;
  private final int[] eRef; // link index (MOVE) or terminal index (TRANSFER), -1 otherwise
  private final BitSet eForward;
  private final EdgeCost[] eCost;
  private final double[][] eSched; // per edge of a rail service, else null (see schedule(...))
  private final List<RailSchedules.Plan> plans;
  private final List<Node> nodes;
  private final List<Link> links;
  private final List<Terminal> terminals;
  private final Map<String, Integer> nodeIndex = new HashMap<>();

  private MultimodalGraph(Network network, Profile profile, ServiceLines lines) {
    this.network = network;
    this.profile = profile;
    this.costs = new CostModel(network, profile);
    this.nodes = network.nodes();
    this.links = network.links();
    this.terminals = network.terminals();
    for (int i = 0; i < nodes.size(); i++) {
      nodeIndex.put(nodes.get(i).id(), i);
    }
    Map<String, Integer> countryIndex = new HashMap<>();
    int[] countryOf = new int[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      String c = nodes.get(i).country();
      countryOf[i] = c == null ? -1 : countryIndex.computeIfAbsent(c, k -> countryIndex.size());
    }
    // Countries of a rail through-rate agreement: cargo whose rail haul crosses a border between
    // two of them pays the agreed rates there (docs/cost-model.md, "Rail by country and
    // agreement").
    List<String> members = List.copyOf(CostModel.throughRateCountries(profile));
    if (members.size() > MAX_MEMBERS) {
      throw new IllegalArgumentException(
          "rail through-rates: at most " + MAX_MEMBERS + " countries, got " + members);
    }
    // The member index of each node's country, -1 outside the agreement.
    int[] member = new int[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      member[i] = members.indexOf(nodes.get(i).country());
    }
    boolean[] transit = RailTransit.nodes(nodes, CostModel.transitCountries(profile));
    // States present at each node.
    List<EnumSet<State>> states = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      states.add(EnumSet.of(State.HUB));
    }
    for (Link l : links) {
      for (State s : statesOf(l)) {
        for (String end : List.of(l.from(), l.to())) {
          states.get(nodeIndex.get(end)).add(s);
          if (s.isWater()) {
            states.get(nodeIndex.get(end)).add(State.ashore(s.mode()));
          }
        }
      }
    }
    // Aboard states are expanded per service line (docs/routing.md): the lines calling at each
    // node, per aboard state.
    this.lines = lines;
    Map<Long, TreeSet<Integer>> linesAt = new HashMap<>();
    // The countries in which a line calls at two ports or more: it can carry domestic cargo there.
    Map<Integer, TreeSet<Integer>> portsOfLine = new HashMap<>();
    for (int li = 0; li < links.size(); li++) {
      Link l = links.get(li);
      if (!l.mode().isWater()) {
        continue;
      }
      State s = State.aboard(l.mode());
      for (String end : List.of(l.from(), l.to())) {
        linesAt
            .computeIfAbsent(key(nodeIndex.get(end), s, -1, -1), k -> new TreeSet<>())
            .add(lines.lineOf(li));
        portsOfLine.computeIfAbsent(lines.lineOf(li), k -> new TreeSet<>()).add(nodeIndex.get(end));
      }
    }
    // Per line: -1 (cleared cargo), then each country where it can carry domestic cargo.
    Map<Integer, List<Integer>> scopesOf = new HashMap<>();
    for (var e : portsOfLine.entrySet()) {
      Map<Integer, Integer> perCountry = new HashMap<>();
      for (int port : e.getValue()) {
        if (countryOf[port] >= 0 && !nodes.get(port).is(NodeKind.WAYPOINT)) {
          perCountry.merge(countryOf[port], 1, Integer::sum);
        }
      }
      List<Integer> cs = new ArrayList<>(List.of(-1));
      perCountry.forEach(
          (c, count) -> {
            if (count >= 2 && !lines.isPassage(e.getKey())) {
              cs.add(c);
            }
          });
      cs.sort(null);
      scopesOf.put(e.getKey(), cs);
    }
    // Ships of every line sail through a canal and stay on their line: the lines at one end of a
    // passage are also aboard at the other (to a fixpoint, for consecutive passages).
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int li = 0; li < links.size(); li++) {
        Link l = links.get(li);
        if (l.mode().isWater() && lines.isPassage(lines.lineOf(li))) {
          State s = State.aboard(l.mode());
          TreeSet<Integer> a = linesAt.get(key(nodeIndex.get(l.from()), s, -1, -1));
          TreeSet<Integer> b = linesAt.get(key(nodeIndex.get(l.to()), s, -1, -1));
          changed |= a.addAll(b) | b.addAll(a);
        }
      }
    }
    // Scheduled rail services: a train's boxes are aboard it from the node after they board to
    // each stop where they may leave (docs/routing.md, "Scheduled rail services"). Its line ids
    // follow the water lines'.
    this.plans = RailSchedules.of(network, costs, nodeIndex);
    Map<Integer, List<int[]>> railAboard = new HashMap<>();
    for (int r = 0; r < plans.size(); r++) {
      RailSchedules.Plan pl = plans.get(r);
      for (int i = 1; i < pl.path().length; i++) {
        List<int[]> at = railAboard.computeIfAbsent(pl.path()[i], k -> new ArrayList<>());
        at.add(new int[] {pl.states()[i - 1].ordinal(), lines.count() + r});
        if (i < pl.states().length && pl.states()[i] != pl.states()[i - 1]) {
          at.add(new int[] {pl.states()[i].ordinal(), lines.count() + r});
        }
      }
    }
    // Virtual nodes: phys-major, so the virtual nodes of one place are adjacent. Water states
    // also carry a scope: -1 for cargo cleared out of (or into) a country, or the country of a
    // domestic voyage, which passes no customs and leaves the water only in that country.
    int[] base = new int[nodes.size()];
    List<Integer> phys = new ArrayList<>();
    List<State> st = new ArrayList<>();
    List<Integer> ln = new ArrayList<>();
    List<Integer> sc = new ArrayList<>();
    List<Integer> tf = new ArrayList<>();
    Map<Long, Integer> vid = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      base[i] = phys.size();
      for (State s : states.get(i)) {
        List<int[]> lineScopes = new ArrayList<>();
        if (s.isAboard()) {
          for (int line : linesAt.get(key(i, s, -1, -1))) {
            for (int c : scopesOf.get(line)) {
              lineScopes.add(new int[] {line, c});
            }
          }
        } else {
          lineScopes.add(new int[] {-1, -1});
          int home = countryOf[i];
          if (s.isWater() && home >= 0) {
            TreeSet<Integer> here = linesAt.get(key(i, State.aboard(s.mode()), -1, -1));
            if (here.stream().anyMatch(m -> scopesOf.get(m).contains(home))) {
              lineScopes.add(new int[] {-1, home});
            }
          }
        }
        List<Integer> tariffs =
            s.mode() == Mode.RAIL
                ? RailTransit.withLayer(tariffsAt(member[i], members.size()), transit[i])
                : List.of(NATIONAL);
        for (int[] ls : lineScopes) {
          for (int t : tariffs) {
            vid.put(key(i, s, ls[0], ls[1], t), phys.size());
            phys.add(i);
            st.add(s);
            ln.add(ls[0]);
            sc.add(ls[1]);
            tf.add(t);
          }
        }
      }
      for (int[] ra : railAboard.getOrDefault(i, List.of())) {
        vid.put(key(i, State.values()[ra[0]], ra[1], -1, NATIONAL), phys.size());
        phys.add(i);
        st.add(State.values()[ra[0]]);
        ln.add(ra[1]);
        sc.add(-1);
        tf.add(NATIONAL);
      }
    }
    int v = phys.size();
    vPhys = phys.stream().mapToInt(Integer::intValue).toArray();
    vState = st.toArray(new State[0]);
    vLine = ln.stream().mapToInt(Integer::intValue).toArray();
    vScope = sc.stream().mapToInt(Integer::intValue).toArray();
    vTariff = tf.stream().mapToInt(Integer::intValue).toArray();
    hubOf = base;
    hubs = new BitSet(v);
    for (int b : base) {
      hubs.set(b);
    }
    // Edges, in input order; permuted to CSR order below.
    EdgeList el = new EdgeList();
    for (int x = 0; x < v; x++) {
      State s = vState[x];
      int i = vPhys[x];
      if (s == State.HUB || (vLine[x] >= 0 && !s.isWater())) {
        continue; // boxes leave a train at its stops, onto the rail there
      }
      // Domestic cargo leaves the water only in its own country.
      boolean home = vScope[x] < 0 || vScope[x] == countryOf[i];
      // A through-rate haul starts pending and ends only once it has crossed an agreement border.
      if (!s.isAboard() && vTariff[x] <= PENDING) {
        el.add(base[i], x, EdgeKind.LOAD, -1, true, endpoint(costs, x));
      }
      if ((!s.isWater() || s.isAboard())
          && home
          && vTariff[x] != PENDING
          && vTariff[x] != RailTransit.LAYER) {
        el.add(x, base[i], EdgeKind.UNLOAD, -1, true, endpoint(costs, x));
      }
      // Changing service at a port: off one line, ashore, to board the next (with its wait).
      if (s.isAboard() && home && linesAt.get(key(i, s, -1, -1)).size() > 1) {
        Integer ashore = vid.get(key(i, State.ashore(s.mode()), -1, vScope[x]));
        if (ashore != null) {
          el.add(x, ashore, EdgeKind.TRANSSHIP, -1, true, costs.transshipment());
        }
      }
    }
    for (int li = 0; li < links.size(); li++) {
      Link l = links.get(li);
      int a = nodeIndex.get(l.from());
      int b = nodeIndex.get(l.to());
      for (State s : statesOf(l)) {
        for (boolean fwd :
            l.direction() == Direction.BOTH ? new boolean[] {true, false} : new boolean[] {true}) {
          int from = fwd ? a : b;
          int to = fwd ? b : a;
          if (s.isWater()) {
            int line = lines.lineOf(li);
            EdgeCost boarding = costs.move(l, fwd, true);
            EdgeCost aboard = costs.move(l, fwd, false);
            for (int scope : scopesOf.get(line)) {
              Integer ashore = vid.get(key(from, State.ashore(s.mode()), -1, scope));
              if (ashore != null) {
                el.add(ashore, vid.get(key(to, s, line, scope)), EdgeKind.MOVE, li, fwd, boarding);
              }
            }
            // Through a canal every line stays on itself; elsewhere only the link's line sails.
            for (int m : lines.isPassage(line) ? linesAt.get(key(from, s, -1, -1)) : Set.of(line)) {
              for (int scope : scopesOf.get(m)) {
                el.add(
                    vid.get(key(from, s, m, scope)),
                    vid.get(key(to, s, m, scope)),
                    EdgeKind.MOVE,
                    li,
                    fwd,
                    aboard);
              }
            }
          } else {
            for (int[] t :
                RailTransit.plus(
                    tariffSteps(member[from], member[to], s, members.size()),
                    RailTransit.steps(
                        countryOf[from], countryOf[to], transit[from], transit[to], s))) {
              el.add(
                  vid.get(key(from, s, -1, -1, t[0])),
                  vid.get(key(to, s, -1, -1, t[1])),
                  EdgeKind.MOVE,
                  li,
                  fwd,
                  costs.move(l, fwd, false, RailTransit.tariffOf(t[0])));
            }
          }
        }
      }
    }
    for (int r = 0; r < plans.size(); r++) {
      RailSchedules.addEdges(el, vid, plans.get(r), lines.count() + r, costs, network);
    }
    for (int ti = 0; ti < terminals.size(); ti++) {
      Terminal t = terminals.get(ti);
      int n = nodeIndex.get(t.node());
      for (ModeGauge[] dir : new ModeGauge[][] {{t.from(), t.to()}, {t.to(), t.from()}}) {
        State exit = State.exit(dir[0]);
        State entry = State.entry(dir[1]);
        TreeSet<Integer> exitLines = exit.isAboard() ? linesAt.get(key(n, exit, -1, -1)) : null;
        if (!states.get(n).contains(entry) || (exit.isAboard() && exitLines == null)) {
          continue;
        }
        // Cleared cargo (scope -1), and domestic cargo of this port's country, which keeps its
        // scope on the water and passes no customs between land and water.
        boolean water = exit.isWater() || entry.isWater();
        for (int scope :
            water && countryOf[n] >= 0 ? new int[] {-1, countryOf[n]} : new int[] {-1}) {
          EdgeCost c = costs.transfer(t, dir[0].mode(), dir[1].mode(), scope >= 0);
          for (int[] tt :
              RailTransit.plus(
                  transferTariffs(member[n], exit, entry, members.size()),
                  RailTransit.transfers(transit[n], exit, entry, scope))) {
            Integer y = vid.get(key(n, entry, -1, entry.isWater() ? scope : -1, tt[1]));
            if (y == null) {
              continue;
            }
            for (int line : exit.isAboard() ? exitLines : List.of(-1)) {
              Integer x = vid.get(key(n, exit, line, exit.isWater() ? scope : -1, tt[0]));
              if (x != null) {
                el.add(x, y, EdgeKind.TRANSFER, ti, dir[0] == t.from(), c);
              }
            }
          }
        }
      }
    }
    int[] order = new int[el.size];
    csr = Csr.of(v, el.tails, el.heads, el.size, order);
    eKind = new EdgeKind[el.size];
    eRef = new int[el.size];
    eForward = new BitSet(el.size);
    eCost = new EdgeCost[el.size];
    eSched = new double[el.size][];
    for (int e = 0; e < el.size; e++) {
      int i = order[e];
      eSched[e] = el.sched.get(i);
      eKind[e] = el.kinds.get(i);
      eRef[e] = el.refs[i];
      if (el.forward.get(i)) {
        eForward.set(e);
      }
      eCost[e] = el.costs.get(i);
    }
  }

  /**
   * Compiles a network with a profile, each water link its own service line ({@link
   * ServiceLines#of(Network)}). O(V + E) time and memory.
   */
  public static MultimodalGraph compile(Network network, Profile profile) {
    return new MultimodalGraph(network, profile, ServiceLines.of(network));
  }

  /** Compiles with the given service lines (rotations sailed by one ship). */
  public static MultimodalGraph compile(Network network, Profile profile, ServiceLines lines) {
    return new MultimodalGraph(network, profile, lines);
  }

  /**
   * Loading at or unloading from virtual node {@code x}: at a port with its customs, unless the
   * voyage is domestic.
   */
  private EdgeCost endpoint(CostModel cm, int x) {
    State s = vState[x];
    return s.isWater() && vScope[x] < 0
        ? cm.endpointAtPort(nodes.get(vPhys[x]).id(), s.isAboard())
        : cm.endpoint();
  }

  static long key(int phys, State s, int line, int scope) {
    return key(phys, s, line, scope, NATIONAL);
  }

  /** Bits: state 0-3, tariff 4-10, scope 11-18, line 19-38, physical node 39-63. */
  private static long key(int phys, State s, int line, int scope, int tariff) {
    return ((long) phys << 39)
        | ((long) (line + 1) << 19)
        | ((long) (scope + 1) << 11)
        | ((long) tariff << 4)
        | s.ordinal();
  }

  /** Most countries of one through-rate agreement (tariff layers are subsets of them). */
  static final int MAX_MEMBERS = 6;

  /** Rail at national rates. */
  static final int NATIONAL = 0;

  /**
   * Rail at through-rates before the haul has left any member for another: tariff {@code 1 + M},
   * where bit {@code c} of M says the haul has left member {@code c} for another member (which it
   * may not re-enter). M empty is pending: the haul may not leave the rail yet.
   */
  private static final int PENDING = 1;

  private static int through(int mask) {
    return 1 + mask;
  }

  /** The tariff layers of a rail state at a node of member {@code m} (-1: not a member). */
  private static List<Integer> tariffsAt(int m, int members) {
    List<Integer> out = new ArrayList<>(List.of(NATIONAL));
    if (m >= 0) {
      for (int mask = 0; mask < 1 << members; mask++) {
        if ((mask & 1 << m) == 0) {
          out.add(through(mask));
        }
      }
    }
    return out;
  }

  /**
   * The tariff layers (tail, head) a rail link joins: national everywhere; through-rates within the
   * agreement's countries, entered where a haul comes in from outside, qualified on a border from
   * one member into another not yet left, and left (out of the members' territory) only once
   * qualified. Other modes have one layer.
   */
  private static List<int[]> tariffSteps(int from, int to, State s, int members) {
    List<int[]> out = new ArrayList<>();
    out.add(new int[] {NATIONAL, NATIONAL});
    if (s.mode() != Mode.RAIL || (from < 0 && to < 0)) {
      return out;
    }
    if (from < 0) {
      out.add(new int[] {NATIONAL, PENDING});
      return out;
    }
    for (int t : tariffsAt(from, members)) {
      if (t == NATIONAL) {
        continue;
      }
      int mask = t - 1;
      if (to < 0) {
        if (mask != 0) {
          out.add(new int[] {t, NATIONAL});
        }
      } else if (to == from) {
        out.add(new int[] {t, t});
      } else if ((mask & 1 << to) == 0) {
        out.add(new int[] {t, through(mask | 1 << from)});
      }
    }
    return out;
  }

  /**
   * The tariff layers (exit, entry) of a terminal transfer at a node of member {@code m}: a break
   * of gauge keeps the layer; cargo comes onto the rail national or pending, and leaves it national
   * or qualified.
   */
  private static List<int[]> transferTariffs(int m, State exit, State entry, int members) {
    boolean fromRail = exit.mode() == Mode.RAIL;
    boolean toRail = entry.mode() == Mode.RAIL;
    List<int[]> out = new ArrayList<>(List.of(new int[] {NATIONAL, NATIONAL}));
    if (m < 0 || !(fromRail || toRail)) {
      return out;
    }
    if (!fromRail) {
      out.add(new int[] {NATIONAL, PENDING});
      return out;
    }
    for (int t : tariffsAt(m, members)) {
      if (t != NATIONAL && (toRail || t != PENDING)) {
        out.add(new int[] {t, toRail ? t : NATIONAL});
      }
    }
    return out;
  }

  /** The moving states a link carries: a gauge each for rail (both for dual), else its mode. */
  static List<State> statesOf(Link l) {
    return switch (l.mode()) {
      case RAIL ->
          l.gauge() == Gauge.DUAL
              ? List.of(State.RAIL_1435, State.RAIL_1520)
              : List.of(l.gauge() == Gauge.G1520 ? State.RAIL_1520 : State.RAIL_1435);
      case ROAD -> List.of(State.ROAD);
      default -> List.of(State.aboard(l.mode()));
    };
  }

  public Network network() {
    return network;
  }

  public Profile profile() {
    return profile;
  }

  public CostModel costs() {
    return costs;
  }

  public Csr csr() {
    return csr;
  }

  /** Hub (origin/destination) virtual nodes: reached, never passed through. */
  public BitSet hubs() {
    return (BitSet) hubs.clone();
  }

  /** Index of a physical node, or -1. */
  public int physIndex(String nodeId) {
    return nodeIndex.getOrDefault(nodeId, -1);
  }

  public int physCount() {
    return nodes.size();
  }

  public Node physNode(int i) {
    return nodes.get(i);
  }

  /** The hub virtual node of physical node {@code i}. */
  public int hub(int physIndex) {
    return hubOf[physIndex];
  }

  public int physOf(int v) {
    return vPhys[v];
  }

  public State stateOf(int v) {
    return vState[v];
  }

  /**
   * The service line of an aboard virtual node (a ship's or a train's), -1 for every other state.
   */
  public int lineOf(int v) {
    return vLine[v];
  }

  /**
   * True for a water state of a domestic voyage (cargo that boarded and will leave the water in one
   * country, passing no customs), false for cleared cargo and every land state.
   */
  public boolean isDomestic(int v) {
    return vScope[v] >= 0;
  }

  /**
   * True for a rail state of a haul at the through-rates of an agreement (pending or qualified),
   * false for national rates and every other state.
   */
  public boolean isThroughRate(int v) {
    return vTariff[v] != NATIONAL && vTariff[v] != RailTransit.LAYER;
  }

  /**
   * True for a rail state of a haul at the transit rate of the node's country (it came in by rail
   * or from an international voyage and must leave the country by rail or onto one).
   */
  public boolean isTransitRate(int v) {
    return vTariff[v] == RailTransit.LAYER;
  }

  /** The rail service that runs edge {@code e} (boarding or aboard), else {@code null}. */
  public RailService railService(int e) {
    return eSched[e] == null ? null : plans.get((int) eSched[e][0] - lines.count()).service();
  }

  /**
   * For an edge boarding a rail service: the scheduled hours after the train's first departure when
   * it leaves the boarding stop; NaN for every other edge.
   */
  public double boardingAtH(int e) {
    return eSched[e] == null ? Double.NaN : eSched[e][5];
  }

  public ServiceLines serviceLines() {
    return lines;
  }

  public EdgeKind kind(int e) {
    return eKind[e];
  }

  /** The link of a MOVE edge, else {@code null}. */
  public Link link(int e) {
    return eKind[e] == EdgeKind.MOVE ? links.get(eRef[e]) : null;
  }

  /** Index of the link (MOVE) or terminal (TRANSFER) of an edge, -1 otherwise. */
  public int ref(int e) {
    return eRef[e];
  }

  /** The terminal of a TRANSFER edge, else {@code null}. */
  public Terminal terminal(int e) {
    return eKind[e] == EdgeKind.TRANSFER ? terminals.get(eRef[e]) : null;
  }

  /** True when a MOVE edge runs from its link's {@code from} node to its {@code to} node. */
  public boolean isForward(int e) {
    return eForward.get(e);
  }

  public EdgeCost cost(int e) {
    return eCost[e];
  }

  /** Every edge's cost in CSR order (shared; do not modify). */
  public EdgeCost[] edgeCosts() {
    return eCost;
  }

  /**
   * Every edge's cost under a view (a scenario): the graph's structure is shared, only costs are
   * recomputed, O(E). {@code profile} replaces the graph's profile when a scenario changes
   * parameters.
   */
  public EdgeCost[] costsUnder(DataView view, Profile profile) {
    CostModel cm = new CostModel(network, profile, view);
    EdgeCost[] out = new EdgeCost[eCost.length];
    for (int e = 0; e < out.length; e++) {
      out[e] =
          switch (eKind[e]) {
            case TRANSSHIP -> cm.transshipment();
            case LOAD -> endpoint(cm, csr.head(e));
            case UNLOAD -> endpoint(cm, csr.tail(e));
            case TRANSFER ->
                cm.transfer(
                    view.terminal(terminals.get(eRef[e])),
                    stateOf(csr.tail(e)).mode(),
                    stateOf(csr.head(e)).mode(),
                    isDomestic(csr.tail(e)) || isDomestic(csr.head(e)));
            case ALIGHT -> RailSchedules.ALIGHTING;
            case MOVE ->
                eSched[e] != null
                    ? cm.scheduledRail(
                        view.link(links.get(eRef[e])),
                        eForward.get(e),
                        eSched[e][1],
                        eSched[e][2],
                        eSched[e][3],
                        eSched[e][4])
                    : cm.move(
                        view.link(links.get(eRef[e])),
                        eForward.get(e),
                        stateOf(csr.tail(e)).isWater() && !stateOf(csr.tail(e)).isAboard(),
                        RailTransit.tariffOf(vTariff[csr.tail(e)]));
          };
    }
    return out;
  }
}
