package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.karvan.core.model.Network;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.bundle.BundleWriter;

/** The {@code time_zone} columns of countries.csv and nodes.csv: read, written, checked. */
class TimeZonesBundleTest {
  static TinyBundle with(String countries, String zoneOfIrbbb) {
    TinyBundle t = TinyBundle.load();
    t.put("countries.csv", ("code,name,time_zone\n" + countries).getBytes(StandardCharsets.UTF_8));
    String nodes =
        t.text("nodes.csv")
            .lines()
            .map(
                l ->
                    l.startsWith("id,")
                        ? l + ",time_zone"
                        : l + "," + (l.startsWith("IRBBB,") ? zoneOfIrbbb : ""))
            .collect(Collectors.joining("\n", "", "\n"));
    return t.put("nodes.csv", nodes.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void zonesAreReadAndANodeOverridesItsCountry() {
    Network n = with("IR,Iran,Asia/Tehran\nAZ,Azerbaijan,Asia/Baku\n", "Asia/Baku").read();
    assertThat(n.getCountry("IR").timeZone()).isEqualTo(ZoneId.of("Asia/Tehran"));
    assertThat(n.zoneOf("IRAAA")).isEqualTo(ZoneId.of("Asia/Tehran"));
    assertThat(n.zoneOf("IRBBB")).isEqualTo(ZoneId.of("Asia/Baku"));
    assertThat(n.warnings()).noneMatch(p -> p.toString().contains("time_zone"));
  }

  @Test
  void zonesSurviveAWriteAndRead() {
    Network n = with("IR,Iran,Asia/Tehran\nAZ,Azerbaijan,Asia/Baku\n", "Asia/Baku").read();
    TinyBundle back = TinyBundle.load();
    BundleWriter.toCsv(n).forEach((f, text) -> back.put(f, text.getBytes(StandardCharsets.UTF_8)));
    Network m = back.read();
    assertThat(m.countries()).isEqualTo(n.countries());
    assertThat(m.getNode("IRBBB").timeZone()).isEqualTo(ZoneId.of("Asia/Baku"));
  }

  @Test
  void anUnknownZoneIsAnErrorNamingFileLineAndField() {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> with("IR,Iran,Asia/Tehran\nAZ,Azerbaijan,Asia/Bakuu\n", "UTC+4").read());
    assertThat(e).isNotNull();
    assertThat(e.errors())
        .extracting(Problem::toString)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith(
                        "tiny/countries.csv:3:3: time_zone: 'Asia/Bakuu' is not an IANA time zone"))
        .anySatisfy(
            s ->
                assertThat(s).startsWith("tiny/nodes.csv:3:12: time_zone: 'UTC+4' is not an IANA"));
  }

  @Test
  void aCountryWithoutAZoneIsAWarningWhereTheBundleGivesZones() {
    Network n = with("IR,Iran,Asia/Tehran\nAZ,Azerbaijan,\n", "").read();
    assertThat(n.warnings())
        .extracting(Problem::toString)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("tiny/countries.csv:3:3: time_zone: warning: country 'AZ' has no"));
    assertThat(n.zoneOf("IRBBB")).isEqualTo(ZoneId.of("Asia/Tehran"));
    // A bundle without any zone runs on one clock, without a warning.
    assertThat(TinyBundle.load().read().warnings()).noneMatch(p -> p.toString().contains("zone"));
  }

  @Test
  void theDefaultNetworkHasAZoneForEveryCountryAndTheAstrakhanOverride() {
    Network n = BundleReader.readDefault();
    assertThat(n.countries()).allMatch(c -> c.timeZone() != null);
    assertThat(n.zoneOf("RUAST")).isEqualTo(ZoneId.of("Europe/Astrakhan"));
    assertThat(n.zoneOf("RUMOW")).isEqualTo(ZoneId.of("Europe/Moscow"));
    assertThat(n.zoneOf("KZSCO")).isEqualTo(ZoneId.of("Asia/Aqtau"));
    assertThat(n.zoneOf("IRBND")).isEqualTo(ZoneId.of("Asia/Tehran"));
    assertThat(n.warnings()).noneMatch(p -> p.toString().contains("time_zone"));
  }
}
