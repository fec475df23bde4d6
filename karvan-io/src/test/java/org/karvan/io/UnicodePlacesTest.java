package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.routing.Places;
import org.karvan.io.bundle.BundleReader;

/** Places typed in Cyrillic, Persian or with symbols: found by alias, never an "empty" name. */
class UnicodePlacesTest {
  static final Network NET = BundleReader.readDefault();
  static final Places PLACES = new Places(NET);

  @Test
  void azerbaijaniAndGeorgianNamesResolve() {
    // Names a new user typed in the trial of 2026-12-01 and got "unknown place" for.
    Map<String, String> expected =
        Map.of(
            "Bakı", "AZBAK",
            "bakı", "AZBAK",
            "Gəncə", "AZGNJ",
            "Ələt", "AZALT",
            "თბილისი", "GETBS",
            "ფოთი", "GEPTI",
            "ბათუმი", "GEBUS",
            "Bombay", "INNSA");
    for (var e : expected.entrySet()) {
      assertThat(PLACES.resolve(e.getKey()).id()).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void russianAndPersianNamesOfTheMainPlacesResolve() {
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("Москва", "RUMOW"),
            Map.entry("москва", "RUMOW"),
            Map.entry("مسکو", "RUMOW"),
            Map.entry("Тегеран", "IRTHR"),
            Map.entry("تهران", "IRTHR"),
            Map.entry("بندر عباس", "IRBND"),
            Map.entry("بندرعباس", "IRBND"),
            Map.entry("Бендер-Аббас", "IRBND"),
            Map.entry("Баку", "AZBAK"),
            Map.entry("باکو", "AZBAK"),
            Map.entry("Астрахань", "RUAST"),
            Map.entry("Тбилиси", "GETBS"),
            // Arabic yeh (U+064A) for the Persian one (U+06CC): the same name.
            Map.entry("تفليس", "GETBS"),
            Map.entry("Мумбаи", "INNSA"),
            Map.entry("بمبئی", "INNSA"),
            Map.entry("Актау", "KZSCO"),
            Map.entry("Туркменбаши", "TMKRW"),
            // Persian with and without the zero-width non-joiner.
            Map.entry("ترکمن\u200Cباشی", "TMKRW"),
            Map.entry("ترکمنباشی", "TMKRW"),
            Map.entry("Санкт-Петербург", "RULED"),
            Map.entry("Чабахар", "IRZBR"),
            Map.entry("بندر انزلی", "IRBAZ"));
    for (var e : expected.entrySet()) {
      assertThat(PLACES.resolve(e.getKey()).id()).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void everyNonLatinAliasOfTheDefaultNetworkNamesOnlyItsNode() {
    List<String> checked = new ArrayList<>();
    for (Node n : NET.nodes()) {
      for (String a : n.aliases()) {
        if (a.codePoints().anyMatch(c -> c > 0x24F)) {
          assertThat(PLACES.resolve(a).id()).as(a).isEqualTo(n.id());
          checked.add(a);
        }
      }
    }
    assertThat(checked).hasSizeGreaterThan(90);
    assertThat(NET.findSource("names-ru-fa")).isPresent();
    assertThat(NET.getNode("RUMOW").provenance().sources()).contains("names-ru-fa");
  }

  @Test
  void symbolsOnlyAreAnUnknownPlaceNotAnEmptyOne() {
    assertThatThrownBy(() -> PLACES.resolve("🚢"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown place '🚢': a place name needs letters or digits");
    assertThatThrownBy(() -> PLACES.resolve("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("empty place name");
    // An emoji beside a name is ignored.
    assertThat(PLACES.resolve("🚢 Baku").id()).isEqualTo("AZBAK");
    // A misspelt Cyrillic name gets suggestions in Cyrillic terms.
    assertThatThrownBy(() -> PLACES.resolve("Масква"))
        .hasMessageContaining("did you mean")
        .hasMessageContaining("Moscow [RUMOW]");
  }

  @Test
  void latinNamesResolveAsBefore() {
    assertThat(PLACES.resolve("moscow").id()).isEqualTo("RUMOW");
    assertThat(PLACES.resolve("Igdir").id()).isEqualTo("TRIGD");
    assertThat(PLACES.resolve("Naxcivan").id()).isEqualTo("AZNAK");
    assertThat(PLACES.resolve("Boyuk Kasik").id()).isEqualTo("AZBKS");
    assertThat(PLACES.resolve("Sadarak").id()).isEqualTo("AZSDR");
    assertThat(Places.norm("Böyük Kəsik")).isEqualTo("boyuk kasik");
  }
}
