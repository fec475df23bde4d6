package org.karvan.app;

import java.util.List;

/**
 * What a user asks of a route, as typed: places by id, name or alias, cargo and objective as text,
 * constraints, network year, and a scenario. Shared by the CLI (flags) and the server (query or
 * JSON body); {@link Resolver} validates it against a network and reports every problem by field
 * name. Null or empty values take the documented defaults.
 *
 * @param from origin (required)
 * @param to destination (required)
 * @param via places to pass through, in order
 * @param cargo e.g. {@code 1x40ft} (default), {@code 2x20ft}, {@code 20t bulk}
 * @param optimize {@code time} (default), {@code cost}, {@code co2}, {@code generalized}
 * @param avoidCountry ISO codes
 * @param avoidBorder crossing ids or country pairs such as {@code AZ-RU}
 * @param avoidChokepoint chokepoint ids
 * @param avoidNode places
 * @param modes allowed modes (empty = all)
 * @param year the network of this year
 * @param include {@code planned}: every link not defunct
 * @param drivers truck crew, 1 or 2 (hours of service); null: 1, or {@code drivers=} in the cargo
 * @param regime customs regime at port entries: {@code transit} (default) or {@code import}
 * @param scenario a built-in scenario, or whatever the front end's scenario source resolves
 * @param date the day whose dated events apply, {@code YYYY-MM-DD} (default: today)
 * @param depart {@code YYYY-MM-DDTHH:MM} (local time at the origin): route by earliest arrival over
 *     the timetables and time every leg and stop; null: untimed, expected waits
 */
public record RouteSpec(
    String from,
    String to,
    List<String> via,
    String cargo,
    String optimize,
    List<String> avoidCountry,
    List<String> avoidBorder,
    List<String> avoidChokepoint,
    List<String> avoidNode,
    List<String> modes,
    Integer year,
    String include,
    Integer drivers,
    String regime,
    String scenario,
    String date,
    String depart) {
  public RouteSpec {
    via = via == null ? List.of() : List.copyOf(via);
    avoidCountry = avoidCountry == null ? List.of() : List.copyOf(avoidCountry);
    avoidBorder = avoidBorder == null ? List.of() : List.copyOf(avoidBorder);
    avoidChokepoint = avoidChokepoint == null ? List.of() : List.copyOf(avoidChokepoint);
    avoidNode = avoidNode == null ? List.of() : List.copyOf(avoidNode);
    modes = modes == null ? List.of() : List.copyOf(modes);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .from(from)
        .to(to)
        .via(via)
        .cargo(cargo)
        .optimize(optimize)
        .avoidCountry(avoidCountry)
        .avoidBorder(avoidBorder)
        .avoidChokepoint(avoidChokepoint)
        .avoidNode(avoidNode)
        .modes(modes)
        .year(year)
        .include(include)
        .drivers(drivers)
        .regime(regime)
        .scenario(scenario)
        .date(date)
        .depart(depart);
  }

  /** The same request between other places. */
  public RouteSpec between(String from, String to) {
    return toBuilder().from(from).to(to).build();
  }

  /** The same request under another scenario ({@code null}: the base network). */
  public RouteSpec withScenario(String s) {
    return toBuilder().scenario(s).build();
  }

  /** Builds a {@link RouteSpec} field by field. */
  public static final class Builder {
    private String from;
    private String to;
    private List<String> via = List.of();
    private String cargo;
    private String optimize;
    private List<String> avoidCountry = List.of();
    private List<String> avoidBorder = List.of();
    private List<String> avoidChokepoint = List.of();
    private List<String> avoidNode = List.of();
    private List<String> modes = List.of();
    private Integer year;
    private String include;
    private Integer drivers;
    private String regime;
    private String scenario;
    private String date;
    private String depart;

    public Builder from(String v) {
      from = v;
      return this;
    }

    public Builder to(String v) {
      to = v;
      return this;
    }

    public Builder via(List<String> v) {
      via = v;
      return this;
    }

    public Builder cargo(String v) {
      cargo = v;
      return this;
    }

    public Builder optimize(String v) {
      optimize = v;
      return this;
    }

    public Builder avoidCountry(List<String> v) {
      avoidCountry = v;
      return this;
    }

    public Builder avoidBorder(List<String> v) {
      avoidBorder = v;
      return this;
    }

    public Builder avoidChokepoint(List<String> v) {
      avoidChokepoint = v;
      return this;
    }

    public Builder avoidNode(List<String> v) {
      avoidNode = v;
      return this;
    }

    public Builder modes(List<String> v) {
      modes = v;
      return this;
    }

    public Builder year(Integer v) {
      year = v;
      return this;
    }

    public Builder include(String v) {
      include = v;
      return this;
    }

    public Builder drivers(Integer v) {
      drivers = v;
      return this;
    }

    public Builder regime(String v) {
      regime = v;
      return this;
    }

    public Builder scenario(String v) {
      scenario = v;
      return this;
    }

    public Builder date(String v) {
      date = v;
      return this;
    }

    public Builder depart(String v) {
      depart = v;
      return this;
    }

    public RouteSpec build() {
      return new RouteSpec(
          from,
          to,
          via,
          cargo,
          optimize,
          avoidCountry,
          avoidBorder,
          avoidChokepoint,
          avoidNode,
          modes,
          year,
          include,
          drivers,
          regime,
          scenario,
          date,
          depart);
    }
  }
}
