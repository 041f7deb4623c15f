package io.natgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The run report in a real browser (Debian's headless Chromium through Selenium): every chart
 * rendered, no error in the console, title and numbers equal to the run's CSV; a screenshot is
 * saved to {@code target/report.png}. Installs chromium and chromium-driver when missing (as root);
 * skips loudly only where that is impossible, and never on CI.
 */
class ReportBrowserTest {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";
  static WebDriver driver;
  @TempDir static Path tmp;

  static boolean present() {
    return new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
  }

  @BeforeAll
  static void browser() throws Exception {
    if (!present()) {
      try {
        Process p = new ProcessBuilder("sh", "-c", "apt-get update -qq && "
            + "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver")
            .inheritIO().start();
        // a mirror that hangs must not hang the build: give up after ten minutes
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
          p.destroyForcibly();
          System.err.println("apt-get did not finish in 10 minutes; stopped it");
        }
      } catch (Exception e) {
        System.err.println("could not run apt-get: " + e);
      }
    }
    if (!present()) {
      String msg = "\n********************************************************************\n"
          + "* ReportBrowserTest SKIPPED: chromium and chromium-driver are missing *\n"
          + "* and could not be installed (apt-get as root). Install them to run it.*\n"
          + "********************************************************************\n";
      System.err.println(msg);
      assertThat(System.getenv("CI")).as("CI must run the browser test").isNull();
      Assumptions.abort(msg);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--window-size=1100,1400");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER)).build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  static void open(Path html) {
    driver.get(html.toUri().toString());
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
        d.findElement(By.tagName("body")).getAttribute("data-charts") != null);
  }

  static void noConsoleErrors() {
    List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertThat(errors).isEmpty();
  }

  @Test
  void aRunReportRendersEveryChartAndMatchesTheCsv() throws Exception {
    Path run = tmp.resolve("cartpole-report");
    CliRunner.Result r = CliRunner.run("train", "--env", "CartPole-v1", "--n-steps", "512",
        "--steps", "6144", "--eval-every", "2048", "--eval-episodes", "2", "--out", run.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path html = run.resolve("report.html");
    assertThat(html).isNotEmptyFile();
    assertThat(Files.readString(html)).doesNotContain("src=\"http").doesNotContain("href=\"http");
    open(html);
    int charts = driver.findElements(By.className("chart")).size();
    int canvases = driver.findElements(By.tagName("canvas")).size();
    assertThat(charts).isGreaterThanOrEqualTo(8);
    assertThat(canvases).isEqualTo(charts);
    noConsoleErrors();
    assertThat(driver.getTitle()).isEqualTo("natgrad report: cartpole-report");
    assertThat(driver.findElement(By.id("title")).getText()).isEqualTo("cartpole-report");
    List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    String[] last = lines.get(lines.size() - 1).split(",");
    double rew = Double.parseDouble(last[header.indexOf("rollout/ep_rew_mean")]);
    double steps = Double.parseDouble(last[header.indexOf("time/total_timesteps")]);
    assertThat(Double.parseDouble(driver.findElement(
        By.cssSelector("td[data-key='final_ep_rew_mean']")).getAttribute("data-value")))
        .isEqualTo(rew);
    assertThat(Double.parseDouble(driver.findElement(
        By.cssSelector("td[data-key='total_timesteps']")).getAttribute("data-value")))
        .isEqualTo(steps);
    assertThat(driver.findElement(By.cssSelector("td[data-key='updates']")).getText())
        .isEqualTo(String.valueOf(lines.size() - 1));
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Path shot = Path.of("target", "report.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, png);
    assertThat(png.length).isGreaterThan(10_000);
  }

  @Test
  void aMultiRunReportDrawsGroupBandsAndTheTable() throws Exception {
    for (String seed : new String[] {"1", "2"}) {
      for (String damping : new String[] {"0.1", "0.01"}) {
        CliRunner.Result r = CliRunner.run("train", "--env", "CartPole-v1", "--n-steps", "512",
            "--steps", "2048", "--seed", seed, "--cg-damping", damping, "--out",
            tmp.resolve("d" + damping + "-s" + seed).toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
      }
    }
    CliRunner.Result rep = CliRunner.run("report", tmp.resolve("d0.1-s1").toString(),
        tmp.resolve("d0.1-s2").toString(), tmp.resolve("d0.01-s1").toString(),
        tmp.resolve("d0.01-s2").toString(), "--group-by", "cg_damping", "--threshold", "20",
        "--out", tmp.resolve("cmp").toString());
    assertThat(rep.exitCode()).as(rep.err()).isZero();
    open(tmp.resolve("cmp/report.html"));
    assertThat(driver.findElements(By.tagName("canvas"))).hasSize(1);
    noConsoleErrors();
    List<?> rows = driver.findElements(By.cssSelector("#groups tr"));
    assertThat(rows).hasSize(3); // header + two groups
    assertThat(driver.findElement(By.id("groups")).getText()).contains("cg_damping=0.1")
        .contains("cg_damping=0.01");
  }
}
