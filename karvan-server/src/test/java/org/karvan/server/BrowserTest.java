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
    assertThat((Long) js("return document.querySelectorAll('path.route-line').length"))
        .as("route drawn on the map")
        .isEqualTo(legs.size());
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
}
