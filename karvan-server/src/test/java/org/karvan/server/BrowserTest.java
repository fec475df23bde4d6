package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real headless Chromium (Debian's chromium and chromium-driver): load the page,
 * pick two places from the autocomplete, plan, check the itinerary and that the route is drawn;
 * screenshots go to target/screenshots/. Skips with a message when Chromium is not installed.
 */
class BrowserTest {
  @TempDir static Path dir;
  static KarvanServer server;
  static WebDriver driver;

  static String firstExisting(String... paths) {
    for (String p : paths) {
      if (new File(p).canExecute()) {
        return p;
      }
    }
    return null;
  }

  @BeforeAll
  static void start() throws Exception {
    String chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
    String chromedriver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    Required.require(
        chromium != null && chromedriver != null,
        "Chromium or ChromeDriver (apt-get install chromium chromium-driver, or run"
            + " karvan-server/ci-setup.sh)");
    server =
        KarvanServer.start(
            ServerConfig.defaults()
                .withPort(0)
                .withDb("jdbc:sqlite:" + dir.resolve("browser.db"), null, null)
                .withToken("browser-token"),
            null);
    System.setProperty("webdriver.chrome.driver", chromedriver);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            .build();
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chromium);
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
    driver = new ChromeDriver(service, o);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  static WebDriverWait waitUp(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  static void pick(String inputId, String typed, String expectId) {
    WebElement in = driver.findElement(By.id(inputId));
    in.clear();
    in.sendKeys(typed);
    By suggestion =
        By.cssSelector("#" + inputId + "-suggest .suggestion[data-id='" + expectId + "']");
    waitUp(10).until(d -> !d.findElements(suggestion).isEmpty());
    driver.findElement(suggestion).click();
    assertThat(in.getAttribute("data-place-id")).isEqualTo(expectId);
  }

  static void screenshot(String name) throws Exception {
    Path out = Path.of("target", "screenshots");
    Files.createDirectories(out);
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(out.resolve(name), png);
  }

  static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  @Test
  void planARouteOnTheMap() throws Exception {
    driver.get(server.baseUrl());
    waitUp(30).until(d -> "true".equals(js("return document.body.dataset.networkLoaded || ''")));
    waitUp(30).until(d -> "true".equals(js("return document.body.dataset.basemapLoaded || ''")));
    assertThat(
            driver.manage().logs().getAvailableLogTypes().contains("browser")
                ? driver.manage().logs().get("browser").getAll().stream()
                    .filter(
                        e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                    .map(Object::toString)
                    .toList()
                : List.<String>of())
        .as("no errors in the browser console (CSP, scripts)")
        .isEmpty();
    long networkPaths = (Long) js("return document.querySelectorAll('path.net-link').length");
    assertThat(networkPaths).as("network links drawn").isGreaterThan(100);
    assertThat((Long) js("return document.querySelectorAll('path.status-planned').length"))
        .as("planned links drawn (dashed)")
        .isGreaterThan(0);
    assertThat(driver.findElements(By.cssSelector(".bog-icon"))).as("breaks of gauge").isNotEmpty();
    assertThat(driver.findElements(By.cssSelector(".crossing-icon"))).as("crossings").isNotEmpty();

    pick("from", "Nhava", "INNSA");
    pick("to", "Mosc", "RUMOW");
    driver.findElement(By.id("plan")).click();
    waitUp(30).until(d -> d.findElements(By.cssSelector("#itinerary tbody tr.totals")).size() == 1);
    List<WebElement> legs = driver.findElements(By.cssSelector("#itinerary tbody tr.leg"));
    List<WebElement> events = driver.findElements(By.cssSelector("#itinerary tbody tr.event"));
    assertThat(legs).hasSizeGreaterThan(1);
    assertThat(events).isNotEmpty();
    String table = driver.findElement(By.id("itinerary")).getText();
    assertThat(table).contains("Nhava Sheva").contains("Moscow").contains("total");
    assertThat(driver.findElement(By.id("summary")).getText()).contains("km").contains("days");
    waitUp(10)
        .until(d -> (Long) js("return document.querySelectorAll('path.route-line').length") > 0);
    // every leg is drawn; a 0 km border leg is listed as its crossing stop
    assertThat((Long) js("return document.querySelectorAll('path.route-line').length"))
        .as("route drawn on the map")
        .isBetween(
            (long) legs.size(),
            (long) legs.size()
                + driver.findElements(By.cssSelector("#itinerary tr.event.border")).size());
    List<WebElement> exports = driver.findElements(By.cssSelector("#exports a"));
    assertThat(exports)
        .extracting(e -> e.getAttribute("href"))
        .anyMatch(h -> h.contains("format=geojson"))
        .anyMatch(h -> h.contains("format=csv"));
    waitUp(20)
        .until(
            d ->
                (Boolean)
                    js(
                        "var i = document.getElementById('tcd');"
                            + " return i.complete && i.naturalWidth > 0;"));
    screenshot("planner-route.png");

    // Alternatives: several routes listed and drawn.
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("alternatives")))
        .selectByValue("3");
    driver.findElement(By.id("plan")).click();
    waitUp(30).until(d -> !d.findElements(By.cssSelector("#route-list button")).isEmpty());
    int listed = driver.findElements(By.cssSelector("#route-list button")).size();
    assertThat(listed).isGreaterThan(1);
    driver.findElements(By.cssSelector("#route-list button")).get(1).click();
    waitUp(10)
        .until(d -> d.findElements(By.cssSelector("#route-list button.selected")).size() == 1);
    assertThat((Long) js("return document.querySelectorAll('path.route-selected').length"))
        .isGreaterThan(0);
    screenshot("planner-alternatives.png");
  }

  @Test
  void switchAScenarioCompareAndSave() throws Exception {
    driver.get(server.baseUrl());
    waitUp(30).until(d -> "true".equals(js("return document.body.dataset.networkLoaded || ''")));
    waitUp(10).until(d -> d.findElement(By.id("scenario-row")).isDisplayed());
    pick("from", "Nhava", "INNSA");
    pick("to", "Rotterdam", "NLRTM");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("scenario")))
        .selectByValue("suez-closed");
    driver.findElement(By.id("plan")).click();
    waitUp(30)
        .until(
            d ->
                d.findElements(By.cssSelector("#itinerary tbody tr.totals")).size() == 1
                    || d.findElement(By.id("status")).getText().contains("No route"));
    driver.findElement(By.id("compare")).click();
    waitUp(30).until(d -> d.findElement(By.id("comparison")).isDisplayed());
    List<WebElement> rows = driver.findElements(By.cssSelector("#comparison-table tbody tr"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).getText()).contains("suez-closed");
    screenshot("planner-compare.png");
    driver.findElement(By.id("compare-all")).click();
    waitUp(30)
        .until(
            d -> d.findElements(By.cssSelector("#comparison-table tbody tr.scenario")).size() > 2);
    assertThat(driver.findElement(By.id("comparison-table")).getText())
        .contains("suez-closed")
        .contains("year-2030");
    screenshot("planner-compare-all.png");

    driver.findElement(By.cssSelector("#save-panel summary")).click();
    driver.findElement(By.id("api-token")).sendKeys("browser-token");
    driver.findElement(By.id("save-scenario")).click();
    waitUp(20).until(d -> !d.findElement(By.id("save-status")).getText().startsWith("Saving"));
    assertThat(driver.findElement(By.id("save-status")).getText()).startsWith("Saved");
    waitUp(10)
        .until(d -> !d.findElements(By.cssSelector("#scenario option[value^='saved:']")).isEmpty());
    assertThat(
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("scenario")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .startsWith("saved:");
    pick("to", "Mosc", "RUMOW");
    driver.findElement(By.id("plan")).click();
    waitUp(30).until(d -> d.findElements(By.cssSelector("#itinerary tbody tr.totals")).size() == 1);
    screenshot("planner-saved-scenario.png");
  }

  @Test
  void aTypoIsExplainedOnThePage() throws Exception {
    driver.get(server.baseUrl());
    waitUp(30).until(d -> "true".equals(js("return document.body.dataset.networkLoaded || ''")));
    driver.findElement(By.id("from")).sendKeys("Tehran");
    driver.findElement(By.id("to")).sendKeys("Moskow");
    driver.findElement(By.id("plan")).click();
    waitUp(20).until(d -> d.findElement(By.id("status")).getText().contains("did you mean"));
    assertThat(driver.findElement(By.id("status")).getText()).contains("Moscow");
    assertThat(driver.findElement(By.id("to")).getAttribute("class")).contains("invalid");
    screenshot("planner-typo.png");
  }

  /** A real mouse click on the map at a latitude and longitude. */
  static void clickMapAt(double lat, double lon) {
    WebElement m = driver.findElement(By.id("map"));
    // zoomed in, a pixel is well under the distance between neighbouring places
    js("karvan.map.setView([" + lat + "," + lon + "], 8, {animate: false})");
    @SuppressWarnings("unchecked")
    List<Number> pt =
        (List<Number>)
            js(
                "var p = karvan.map.latLngToContainerPoint(["
                    + lat
                    + ","
                    + lon
                    + "]); return [p.x, p.y];");
    int dx = (int) Math.round(pt.get(0).doubleValue() - m.getSize().getWidth() / 2.0);
    int dy = (int) Math.round(pt.get(1).doubleValue() - m.getSize().getHeight() / 2.0);
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(m, dx, dy).click().perform();
  }

  static void plan() {
    js("document.querySelector('#itinerary tbody').innerHTML = ''");
    driver.findElement(By.id("plan")).click();
    waitUp(30)
        .until(
            d ->
                d.findElements(By.cssSelector("#itinerary tbody tr.totals")).size() == 1
                    || d.findElement(By.id("status")).getAttribute("class").contains("error"));
    assertThat(driver.findElement(By.id("status")).getAttribute("class"))
        .as(driver.findElement(By.id("status")).getText())
        .doesNotContain("error");
  }

  static void loaded() {
    waitUp(30).until(d -> "true".equals(js("return document.body.dataset.networkLoaded || ''")));
    waitUp(10).until(d -> !d.findElements(By.cssSelector("#avoid-chokepoint option")).isEmpty());
  }

  @Test
  void clickTheMapAndUseEveryControl() throws Exception {
    driver.get(server.baseUrl());
    loaded();
    // A click sets from, then to (the nearest place of the network), then via.
    driver.findElement(By.cssSelector("input[name='click-sets'][value='from']")).click();
    clickMapAt(35.69, 51.39);
    waitUp(5)
        .until(d -> "IRTHR".equals(d.findElement(By.id("from")).getAttribute("data-place-id")));
    assertThat(driver.findElement(By.id("from")).getAttribute("value")).isEqualTo("Tehran");
    assertThat(
            driver.findElement(By.cssSelector("input[name='click-sets'][value='to']")).isSelected())
        .isTrue();
    clickMapAt(55.75, 37.62);
    waitUp(5).until(d -> "RUMOW".equals(d.findElement(By.id("to")).getAttribute("data-place-id")));
    clickMapAt(40.41, 49.87);
    waitUp(5).until(d -> d.findElement(By.id("via")).getAttribute("value").contains("AZBAK"));

    // Rail only, via Baku: every leg is rail and Baku is a stop.
    driver.findElement(By.cssSelector("input[name='mode'][value='rail']")).click();
    plan();
    List<WebElement> legs = driver.findElements(By.cssSelector("#itinerary tbody tr.leg"));
    assertThat(legs).isNotEmpty();
    assertThat(legs)
        .allSatisfy(
            l -> assertThat(l.findElements(By.tagName("td")).get(1).getText()).startsWith("rail"));
    assertThat(driver.findElement(By.id("itinerary")).getText()).contains("Baku");
    assertThat(driver.getCurrentUrl()).contains("modes=rail").contains("via=AZBAK");
    screenshot("desk-rail-via.png");

    // No 0 km border leg rows: crossings are stops.
    for (WebElement l : legs) {
      assertThat(l.findElements(By.tagName("td")).get(3).getText()).isNotEqualTo("0");
    }
    assertThat(driver.findElements(By.cssSelector("#itinerary tr.event.border"))).isNotEmpty();

    // Avoid a country, a border and a chokepoint, on a date: the route honours each.
    driver.findElement(By.id("via")).clear();
    driver.findElement(By.cssSelector("input[name='mode'][value='rail']")).click();
    pick("from", "Nhava", "INNSA");
    driver.findElement(By.id("avoid-country")).sendKeys("TM");
    driver.findElement(By.id("avoid-border")).sendKeys("BC-AST-ROAD");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("avoid-chokepoint")))
        .selectByValue("SUEZ");
    js("document.getElementById('date').value = '2026-12-01'");
    plan();
    @SuppressWarnings("unchecked")
    List<Object> crossings =
        (List<Object>)
            js("return karvan.state.routes[0].crossings.map(function (c) { return c.id; })");
    assertThat(crossings).isNotEmpty().doesNotContain("BC-AST-ROAD");
    assertThat((String) js("return JSON.stringify(karvan.state.routes[0].countries)"))
        .doesNotContain("\"TM\"");
    assertThat((String) js("return JSON.stringify(karvan.state.routes[0].chokepoints)"))
        .doesNotContain("SUEZ");
    String url = driver.getCurrentUrl();
    assertThat(url)
        .contains("avoidCountry=TM")
        .contains("avoidBorder=BC-AST-ROAD")
        .contains("avoidChokepoint=SUEZ")
        .contains("date=2026-12-01");
    screenshot("desk-avoid.png");

    // The URL restores the view: a fresh load fills the form and plans the same route.
    double km = ((Number) js("return karvan.state.routes[0].totals.distanceKm")).doubleValue();
    driver.get(url);
    loaded();
    waitUp(30).until(d -> d.findElements(By.cssSelector("#itinerary tbody tr.totals")).size() == 1);
    assertThat(driver.findElement(By.id("avoid-country")).getAttribute("value")).isEqualTo("TM");
    assertThat(driver.findElement(By.id("date")).getAttribute("value")).isEqualTo("2026-12-01");
    assertThat(
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("avoid-chokepoint")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("SUEZ");
    assertThat(((Number) js("return karvan.state.routes[0].totals.distanceKm")).doubleValue())
        .isEqualTo(km);
    assertThat(driver.findElement(By.id("from")).getAttribute("value"))
        .isEqualTo("Nhava Sheva (JNPT)");
    screenshot("desk-restored.png");

    // Departure: the best route timed over the timetables.
    driver.get(server.baseUrl() + "?from=Aktau&to=Baku&depart=2026-12-01T08:00&routes=1");
    loaded();
    waitUp(30).until(d -> d.findElements(By.cssSelector("#itinerary tbody tr.totals")).size() == 1);
    assertThat(driver.findElement(By.id("depart")).getAttribute("value"))
        .startsWith("2026-12-01T08:00");
    assertThat((String) js("return karvan.state.routes[0].legs[0].departs"))
        .startsWith("2026-12-0");
  }

  @Test
  void paretoScatterShowsTheFrontAndAPointShowsItsRoute() throws Exception {
    driver.get(server.baseUrl() + "?from=INNSA&to=RUMOW&routes=pareto");
    loaded();
    waitUp(60)
        .until(d -> !d.findElements(By.cssSelector("#pareto-chart circle.pareto-point")).isEmpty());
    long n = (Long) js("return karvan.state.routes.length");
    assertThat(driver.findElements(By.cssSelector("#pareto-chart circle.pareto-point")))
        .hasSize((int) n);
    assertThat(driver.findElement(By.id("pareto-chart")).getText())
        .contains("door-to-door time (days)", "cost (USD)", "CO2e");
    // Routes are labelled by what tells them apart.
    List<WebElement> buttons = driver.findElements(By.cssSelector("#route-list button"));
    assertThat(buttons).hasSize((int) n);
    assertThat(buttons.get(1).getText()).contains("·");
    assertThat(driver.findElements(By.cssSelector("#route-list .differs"))).hasSize((int) n);
    assertThat(driver.findElement(By.id("route-list")).getText()).contains("fastest", "cheapest");
    driver.findElements(By.cssSelector("#pareto-chart circle.pareto-point")).get(2).click();
    waitUp(10).until(d -> ((Long) js("return karvan.state.selected")) == 2L);
    assertThat(
            driver.findElements(By.cssSelector("#route-list button")).get(2).getAttribute("class"))
        .contains("selected");
    assertThat(driver.findElements(By.cssSelector("#pareto-chart circle.selected"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("#pareto-exports a")))
        .extracting(WebElement::getText)
        .containsExactly("SVG", "CSV", "XLSX");
    assertThat(
            (String)
                ((JavascriptExecutor) driver)
                    .executeAsyncScript(
                        "var done = arguments[0]; fetch(document.querySelectorAll('#pareto-exports a')[2].href)"
                            + ".then(function (r) { done(r.status + ' ' + r.headers.get('Content-Type')); });"))
        .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    screenshot("desk-pareto.png");
  }

  @Test
  void compareOverlaysTheScenarioRoutesAndDrawsEveryLine() throws Exception {
    driver.get(server.baseUrl());
    loaded();
    waitUp(10).until(d -> d.findElement(By.id("scenario-row")).isDisplayed());
    pick("from", "Nhava", "INNSA");
    pick("to", "Mosc", "RUMOW");
    plan();
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("scenario")))
        .selectByValue("rasht-astara-built");
    driver.findElement(By.id("compare")).click();
    waitUp(30).until(d -> d.findElement(By.id("comparison")).isDisplayed());
    waitUp(30)
        .until(
            d ->
                (Boolean)
                    js(
                        "var i = document.getElementById('comparison-tcd');"
                            + " return i.complete && i.naturalWidth > 0;"));
    waitUp(30)
        .until(
            d -> ((Long) js("return document.querySelectorAll('path.scenario-line').length")) > 0);
    assertThat(driver.findElements(By.cssSelector("#comparison-exports a")))
        .extracting(WebElement::getText)
        .contains("XLSX", "CSV", "chart SVG");
    String svg =
        (String)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "var done = arguments[0]; fetch(document.getElementById('comparison-tcd').src)"
                        + ".then(function (r) { return r.text(); }).then(done);");
    assertThat(svg).contains("rasht-astara-built");
    screenshot("desk-compare.png");
  }

  @Test
  void flowsAndCriticalityAreDrawnOnTheMap() throws Exception {
    driver.get(server.baseUrl());
    loaded();
    driver.findElement(By.cssSelector("#analysis-panel summary")).click();
    driver.findElement(By.id("run-assign")).click();
    waitUp(60).until(d -> d.findElement(By.id("flows")).isDisplayed());
    long lines = (Long) js("return document.querySelectorAll('path.flow-line').length");
    assertThat(lines).as("loaded links drawn").isGreaterThan(5);
    // widths grow with tonnes: the widest line carries the most
    assertThat(
            (Boolean)
                js(
                    "var ws = Array.prototype.map.call(document.querySelectorAll('path.flow-line'),"
                        + " function (p) { return parseFloat(p.getAttribute('stroke-width')); });"
                        + " return Math.max.apply(null, ws) > Math.min.apply(null, ws);"))
        .isTrue();
    List<WebElement> corridors = driver.findElements(By.cssSelector("#corridor-shares tbody tr"));
    assertThat(corridors).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#country-shares tr.stake")))
        .extracting(e -> e.findElements(By.tagName("td")).get(0).getText())
        .contains("IR", "AZ");
    waitUp(30).until(d -> !d.findElements(By.cssSelector("#flows-exports a.xlsx")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#flows-exports a")))
        .extracting(WebElement::getText)
        .contains("CSV", "XLSX");
    screenshot("desk-flows.png");

    driver.findElement(By.id("run-criticality")).click();
    waitUp(60).until(d -> d.findElement(By.id("criticality")).isDisplayed());
    List<WebElement> ranked = driver.findElements(By.cssSelector("#criticality-table tbody tr"));
    assertThat(ranked).hasSizeBetween(1, 10);
    assertThat(ranked.get(0).getText()).startsWith("1 border");
    assertThat(driver.findElements(By.cssSelector(".crit-rank"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector(".crit-rank")).get(0).getText()).isEqualTo("1");
    waitUp(30).until(d -> !d.findElements(By.cssSelector("#criticality-exports a.xlsx")).isEmpty());
    screenshot("desk-criticality.png");
  }

  @Test
  void reliabilityHistogramShowsTheDeadlineAndTheOnTimeProbability() throws Exception {
    driver.get(server.baseUrl() + "?from=INNSA&to=RUMOW&routes=1");
    loaded();
    waitUp(30).until(d -> d.findElements(By.cssSelector("#itinerary tbody tr.totals")).size() == 1);
    driver.findElement(By.cssSelector("#reliability-panel summary")).click();
    driver.findElement(By.id("deadline")).clear();
    driver.findElement(By.id("deadline")).sendKeys("25");
    driver.findElement(By.id("run-reliability")).click();
    waitUp(60).until(d -> !d.findElements(By.cssSelector("#reliability-chart rect.bin")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#reliability-chart rect.bin"))).hasSize(30);
    assertThat(driver.findElements(By.cssSelector("#reliability-chart line.deadline"))).hasSize(1);
    String text = driver.findElement(By.id("reliability-chart")).getText();
    assertThat(text).contains("on time (≤ 25 d): ", "P50", "P90", "P95", "deadline 25 d");
    // the bars hold every sample
    assertThat(
            ((Number)
                    js(
                        "return Array.prototype.reduce.call(document.querySelectorAll('#reliability-chart"
                            + " rect.bin'), function (a, r) { return a + Number(r.textContent.match(/: (\\d+)"
                            + " samples/)[1]); }, 0)"))
                .intValue())
        .isEqualTo(20000);
    assertThat(driver.findElements(By.cssSelector("#reliability-causes tbody tr"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("#reliability-exports a")))
        .extracting(WebElement::getText)
        .containsExactly("SVG", "CSV");
    screenshot("desk-reliability.png");
  }
}
