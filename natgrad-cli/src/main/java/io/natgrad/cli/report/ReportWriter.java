package io.natgrad.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.natgrad.cli.VersionProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run report: one self-contained HTML file (uPlot's script and styles, the data and natgrad's
 * drawing code inlined; opens offline from disk) with interactive charts — hover values, drag to
 * zoom, click a legend entry to toggle a series. One run: learning curves against steps and
 * wall-clock time, the natural-gradient diagnostics of every update, rejections with their reasons,
 * the configuration, versions, machine and final evaluation. Several runs: runs grouped by
 * configuration (or by one key), each group's mean over seeds with a min–max band, and a table of
 * final returns and steps to a threshold.
 */
public final class ReportWriter {
  static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

  private ReportWriter() {}

  /** One chart: title, x column, series columns and labels. */
  record Chart(String id, String title, String x, String xLabel, List<String[]> series) {}

  static List<Chart> charts() {
    List<Chart> c = new ArrayList<>();
    c.add(new Chart("return-steps", "Episode return vs environment steps", "time/total_timesteps",
        "steps", List.of(new String[] {"rollout/ep_rew_mean", "ep_rew_mean (last 100 episodes)"},
            new String[] {"eval/mean_reward", "eval/mean_reward (deterministic)"})));
    c.add(new Chart("return-time", "Episode return vs wall-clock time", "time/time_elapsed",
        "seconds", List.<String[]>of(new String[] {"rollout/ep_rew_mean", "ep_rew_mean"})));
    c.add(new Chart("kl", "KL per update: predicted (½β²gᵀGg) vs measured", "time/iterations",
        "update", List.of(new String[] {"ngd/predicted_kl", "predicted KL"},
            new String[] {"ngd/measured_kl", "measured KL"},
            new String[] {"train/approx_kl", "PPO approx_kl (k3)"})));
    c.add(new Chart("beta", "Trust-region step β", "time/iterations", "update",
        List.<String[]>of(new String[] {"ngd/beta", "β"})));
    c.add(new Chart("cg", "Conjugate gradient: iterations and relative residual",
        "time/iterations", "update", List.of(new String[] {"ngd/cg_iterations", "CG iterations"},
            new String[] {"ngd/cg_relative_residual", "relative residual"})));
    c.add(new Chart("surrogate", "Surrogate improvement: predicted vs actual", "time/iterations",
        "update", List.of(new String[] {"ngd/predicted_improvement", "predicted"},
            new String[] {"ngd/actual_improvement", "actual"})));
    c.add(new Chart("linesearch", "Line search: backtracks and success", "time/iterations",
        "update", List.of(new String[] {"ngd/backtracks", "backtracks"},
            new String[] {"train/is_line_search_success", "success (1) / rejected (0)"})));
    c.add(new Chart("entropy", "Entropy and value loss", "time/iterations", "update",
        List.of(new String[] {"train/entropy", "entropy"},
            new String[] {"train/value_loss", "value loss"})));
    c.add(new Chart("fps", "Throughput", "time/iterations", "update",
        List.<String[]>of(new String[] {"time/fps", "steps per second"})));
    return c;
  }

  /**
   * With {@code compare_metrics}: each compared metric's cosine with the direction taken, and its
   * exact-Fisher KL once scaled to the trust region (δ for the Fisher itself).
   */
  static List<Chart> comparisonCharts(List<String> header) {
    List<String[]> cos = new ArrayList<>();
    List<String[]> kl = new ArrayList<>();
    for (String key : header) {
      if (key.startsWith("cmp/") && key.endsWith("/cos")) {
        cos.add(new String[] {key, key.substring(4, key.length() - 4)});
      } else if (key.startsWith("cmp/") && key.endsWith("/true_kl")) {
        kl.add(new String[] {key, key.substring(4, key.length() - 8)});
      }
    }
    if (cos.isEmpty()) {
      return List.of();
    }
    return List.of(new Chart("cmp-cos", "Metrics compared: cosine of each metric's direction with "
            + "the one taken", "time/iterations", "update", cos),
        new Chart("cmp-kl", "Metrics compared: exact-Fisher KL ½dᵀFd of each metric's trust-region "
            + "step (target_kl for the Fisher)", "time/iterations", "update", kl));
  }

  static String resource(String name) {
    try (InputStream in = ReportWriter.class.getResourceAsStream(UPLOT + name)) {
      if (in == null) {
        throw new IllegalStateException("uPlot resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ArrayNode numbers(ObjectMapper m, double[] v) {
    ArrayNode a = m.createArrayNode();
    for (double x : v) {
      if (Double.isFinite(x)) {
        a.add(x);
      } else {
        a.addNull();
      }
    }
    return a;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /**
   * A mapper writing doubles with Jackson's Schubfach writer: the default (Double.toString) is
   * slower, and compiling it cost a tenth of a second of CPU at the end of every training run.
   */
  private static ObjectMapper mapper() {
    return com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  }

  private static String json(ObjectMapper m, ObjectNode data) {
    try {
      return m.writeValueAsString(data);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("report data could not be written as JSON", e);
    }
  }

  /** The report of one run. */
  public static String single(RunData run) {
    ObjectMapper m = mapper();
    ObjectNode data = m.createObjectNode();
    data.put("name", run.name());
    ObjectNode cols = data.putObject("columns");
    for (String key : run.header()) {
      cols.set(key, numbers(m, run.column(key)));
    }
    ArrayNode charts = data.putArray("charts");
    List<Chart> all = new ArrayList<>(charts());
    all.addAll(comparisonCharts(run.header()));
    for (Chart c : all) {
      ObjectNode o = charts.addObject();
      o.put("id", c.id());
      o.put("title", c.title());
      o.put("x", c.x());
      o.put("xLabel", c.xLabel());
      ArrayNode s = o.putArray("series");
      for (String[] pair : c.series()) {
        if (run.header().contains(pair[0])) {
          s.addObject().put("key", pair[0]).put("label", pair[1]);
        }
      }
    }
    StringBuilder body = new StringBuilder();
    body.append("<h1 id=\"title\">").append(escape(run.name())).append("</h1>\n");
    body.append("<p class=\"sub\">").append(escape(run.settings().path("env").asText("")))
        .append(" · ").append(escape(run.settings().path("algo").asText("").toUpperCase(Locale.ROOT)))
        .append(" · seed ").append(escape(run.settings().path("seed").asText(""))).append("</p>\n");
    body.append("<h2>Summary</h2>\n<table id=\"summary\">\n");
    row(body, "updates", "updates", run.rows().size());
    row(body, "total_timesteps", "environment steps", run.last("time/total_timesteps"));
    row(body, "final_ep_rew_mean", "final ep_rew_mean", run.last("rollout/ep_rew_mean"));
    row(body, "final_eval_mean_reward", "final eval/mean_reward", run.last("eval/mean_reward"));
    row(body, "time_elapsed", "wall-clock seconds", run.last("time/time_elapsed"));
    body.append("</table>\n<div id=\"charts\"></div>\n");
    List<String> rejections = run.text("ngd/rejection");
    body.append("<h2>Rejected updates</h2>\n<table id=\"rejections\"><tr><th>update</th>"
        + "<th>reason</th></tr>\n");
    int shown = 0;
    for (int i = 0; i < rejections.size(); i++) {
      if (!rejections.get(i).isBlank()) {
        body.append("<tr><td>").append(i + 1).append("</td><td>")
            .append(escape(rejections.get(i))).append("</td></tr>\n");
        shown++;
      }
    }
    if (shown == 0) {
      body.append("<tr><td colspan=\"2\">none</td></tr>\n");
    }
    body.append("</table>\n<h2>Configuration</h2>\n<table id=\"config\">\n");
    run.settings().fields().forEachRemaining(e -> body.append("<tr><th>").append(escape(e.getKey()))
        .append("</th><td>").append(escape(e.getValue().toString())).append("</td></tr>\n"));
    body.append("</table>\n<h2>Provenance</h2>\n<table id=\"provenance\">\n");
    run.provenance().fields().forEachRemaining(e -> body.append("<tr><th>")
        .append(escape(e.getKey())).append("</th><td>").append(escape(e.getValue().asText()))
        .append("</td></tr>\n"));
    body.append("</table>\n");
    return page("natgrad report: " + run.name(), body.toString(), json(m, data));
  }

  private static void row(StringBuilder b, String key, String label, double value) {
    b.append("<tr><th>").append(label).append("</th><td data-key=\"").append(key)
        .append("\" data-value=\"").append(Double.isFinite(value) ? String.valueOf(value) : "")
        .append("\">").append(Double.isFinite(value)
            ? String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.4g", value) : "–")
        .append("</td></tr>\n");
  }

  /**
   * The report of several runs, grouped by configuration or by {@code groupBy}; bands are the
   * min–max over the group's runs, update by update.
   */
  public static String multi(List<RunData> runs, String groupBy, Double threshold) {
    Map<String, List<RunData>> groups = new LinkedHashMap<>();
    for (RunData r : runs) {
      String key = groupBy == null ? r.configKey().entrySet().stream()
          .filter(e -> runs.stream().map(x -> x.configKey().get(e.getKey())).distinct().count() > 1)
          .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b)
          .orElse("all runs")
          : groupBy + "=" + r.settings().path(groupBy).toString();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    ObjectMapper m = mapper();
    ObjectNode data = m.createObjectNode();
    ArrayNode gs = data.putArray("groups");
    StringBuilder table = new StringBuilder("<h2>Groups</h2>\n<table id=\"groups\"><tr><th>group"
        + "</th><th>runs</th><th>final ep_rew_mean (mean)</th><th>min</th><th>max</th>"
        + "<th>steps to " + (threshold == null ? "threshold" : threshold) + " (mean)</th></tr>\n");
    for (Map.Entry<String, List<RunData>> g : groups.entrySet()) {
      int n = g.getValue().stream().mapToInt(r -> r.rows().size()).min().orElse(0);
      double[] x = new double[n];
      double[] mean = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      for (int i = 0; i < n; i++) {
        double s = 0;
        double mn = Double.POSITIVE_INFINITY;
        double mx = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (RunData r : g.getValue()) {
          double v = r.column("rollout/ep_rew_mean")[i];
          x[i] = r.column("time/total_timesteps")[i];
          if (!Double.isNaN(v)) {
            s += v;
            mn = Math.min(mn, v);
            mx = Math.max(mx, v);
            k++;
          }
        }
        mean[i] = k == 0 ? Double.NaN : s / k;
        lo[i] = k == 0 ? Double.NaN : mn;
        hi[i] = k == 0 ? Double.NaN : mx;
      }
      ObjectNode o = gs.addObject();
      o.put("name", g.getKey());
      o.set("x", numbers(m, x));
      o.set("mean", numbers(m, mean));
      o.set("min", numbers(m, lo));
      o.set("max", numbers(m, hi));
      double[] finals = g.getValue().stream().mapToDouble(r -> r.last("rollout/ep_rew_mean"))
          .toArray();
      double fm = java.util.Arrays.stream(finals).average().orElse(Double.NaN);
      double steps = Double.NaN;
      if (threshold != null) {
        steps = g.getValue().stream().mapToDouble(r -> {
          double[] v = r.column("rollout/ep_rew_mean");
          double[] t = r.column("time/total_timesteps");
          for (int i = 0; i < v.length; i++) {
            if (v[i] >= threshold) {
              return t[i];
            }
          }
          return Double.NaN;
        }).average().orElse(Double.NaN);
      }
      table.append("<tr><td>").append(escape(g.getKey())).append("</td><td>")
          .append(g.getValue().size()).append("</td><td data-value=\"").append(fm).append("\">")
          .append(String.format(Locale.ROOT, "%.4g", fm)).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.4g",
              java.util.Arrays.stream(finals).min().orElse(Double.NaN))).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.4g",
              java.util.Arrays.stream(finals).max().orElse(Double.NaN))).append("</td><td>")
          .append(Double.isNaN(steps) ? "–" : String.format(Locale.ROOT, "%.0f", steps))
          .append("</td></tr>\n");
    }
    table.append("</table>\n");
    String body = "<h1 id=\"title\">" + runs.size() + " runs in " + groups.size()
        + " groups</h1>\n<p class=\"sub\">Bold line: the group's mean ep_rew_mean; band: min–max "
        + "over its runs, update by update.</p>\n<div id=\"charts\"></div>\n" + table;
    return page("natgrad report: " + runs.size() + " runs", body, json(m, data));
  }

  private static String page(String title, String body, String json) {
    String js = """
        (function () {
          const D = DATA;
          const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
          const root = document.getElementById('charts');
          const width = Math.min(900, window.innerWidth - 40);
          function panel(title) {
            const box = document.createElement('div');
            box.className = 'chart';
            const h = document.createElement('h3');
            h.textContent = title;
            box.appendChild(h);
            root.appendChild(box);
            return box;
          }
          if (D.charts) {
            for (const c of D.charts) {
              const shown = c.series.filter(s => (D.columns[s.key] || []).some(v => v !== null));
              if (!shown.length) continue;
              const xs = D.columns[c.x];
              const data = [xs].concat(shown.map(s => D.columns[s.key]));
              const logs = shown.map(s => s.key.endsWith('relative_residual'));
              const series = [{label: c.xLabel}].concat(shown.map((s, i) =>
                ({label: s.label, stroke: colors[i % colors.length], width: 2, spanGaps: true,
                  scale: logs[i] ? 'log' : 'y', points: {show: xs.length < 60}})));
              const scales = {x: {time: false}};
              const axes = [{}, {}];
              if (logs.some(Boolean)) {
                scales.log = {distr: 3};
                axes.push({scale: 'log', side: 1, grid: {show: false}});
              }
              new uPlot({width: width, height: 260, series: series, scales: scales, axes: axes,
                         cursor: {drag: {x: true, y: false}}}, data, panel(c.title));
            }
          }
          if (D.groups) {
            const xs = D.groups.length ? D.groups[0].x : [];
            const data = [xs];
            const series = [{label: 'steps'}];
            const bands = [];
            D.groups.forEach((g, i) => {
              const col = colors[i % colors.length];
              data.push(g.max, g.min, g.mean);
              const n = series.length;
              series.push({label: g.name + ' (max)', stroke: col + '55', width: 1});
              series.push({label: g.name + ' (min)', stroke: col + '55', width: 1});
              series.push({label: g.name + ' (mean)', stroke: col, width: 3});
              bands.push({series: [n, n + 1], fill: col + '22'});
            });
            new uPlot({width: width, height: 360, series: series, bands: bands,
                       scales: {x: {time: false}}, cursor: {drag: {x: true, y: false}}}, data,
                      panel('Episode return vs environment steps (mean and min–max band)'));
          }
          document.body.setAttribute('data-charts', String(document.querySelectorAll('canvas').length));
        })();
        """;
    String css = """
        body { font-family: system-ui, sans-serif; margin: 20px; color: #222; }
        h1 { margin-bottom: 0; } .sub { color: #666; margin-top: 4px; }
        table { border-collapse: collapse; margin: 8px 0 20px; }
        th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; font-size: 13px; }
        th { background: #f5f5f5; } .chart { margin: 10px 0 24px; } h3 { margin: 4px 0; }
        footer { color: #888; font-size: 12px; margin-top: 30px; }
        """;
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>"
        + escape(title) + "</title>\n<style>" + resource("uPlot.min.css") + "\n" + css
        + "</style>\n<script>" + resource("uPlot.iife.min.js") + "</script>\n</head>\n<body>\n"
        + body + "<footer>natgrad " + escape(VersionProvider.version()) + " (commit "
        + escape(VersionProvider.commit()) + ") · charts by uPlot 1.6.30 · drag to zoom, "
        + "double-click to reset, click a legend entry to hide a series</footer>\n"
        + "<script>const DATA = " + json.replace("</", "<\\/") + ";\n" + js + "</script>\n"
        + "</body></html>\n";
  }

  /** Writes a report file. */
  public static void write(String html, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, html, StandardCharsets.UTF_8);
  }
}
