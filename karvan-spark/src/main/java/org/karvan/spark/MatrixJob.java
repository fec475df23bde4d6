package org.karvan.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.karvan.app.Fields;
import org.karvan.app.Karvan;
import org.karvan.app.MatrixService;
import org.karvan.app.Resolver;
import org.karvan.app.ResultCsv;
import org.karvan.core.model.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code karvan spark matrix}: a many-to-many matrix in blocks of origins, each block a {@link
 * MatrixService} call; the rows of {@code karvan matrix --format csv}, origin by origin.
 */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header =
        "Many-to-many matrix on Spark in blocks of origins: the rows of karvan matrix --format csv.")
final class MatrixJob implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions job;

  @Option(
      names = "--from",
      required = true,
      split = ",",
      paramLabel = "PLACES",
      description = "Origins, comma-separated ('all' = every node).")
  List<String> from = new ArrayList<>();

  @Option(
      names = "--to",
      required = true,
      split = ",",
      paramLabel = "PLACES",
      description = "Destinations, comma-separated ('all' = every node).")
  List<String> to = new ArrayList<>();

  @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "Under a scenario.")
  String scenario;

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      description = "Links and crossings open by this year.")
  Integer year;

  @Mixin RouteOptions route;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    return Sweeps.main(job, "karvan matrix", err, (s, d) -> run(s, d, this, err));
  }

  static Dataset<Row> run(SparkSession s, Workspace.Driver d, MatrixJob j, PrintWriter err) {
    Karvan k = d.karvan();
    RouteOptions route = j.route;
    route.date = Jobs.date(k, route.date);
    String scenario = j.scenario;
    Integer year = j.year;
    // Checked before the job starts, with the CLI's errors: every place, then the options.
    Fields f = new Fields();
    Resolver.Common cm = k.resolver().common(route.spec(null, null, scenario, year).build(), f);
    List<String> a = ids(cm, j.from, "from", f);
    List<String> b = ids(cm, j.to, "to", f);
    f.throwIfAny();
    MatrixService.Result probe = matrix(k, route, scenario, year, a.subList(0, 1), b.subList(0, 1));
    Broadcast<Workspace> ws =
        JavaSparkContext.fromSparkContext(s.sparkContext()).broadcast(d.freeze());
    List<String> dest = List.copyOf(b);
    Sweeps.Progress p = new Sweeps.Progress(s, err, a.size(), "origins");
    try {
      Dataset<Row> df =
          Sweeps.run(
              s,
              new ArrayList<>(a),
              j.job.partitions(s, a.size()),
              ResultCsv.matrix(probe.objective()),
              p,
              (Iterator<String> it) -> {
                Karvan kx = ws.value().karvan();
                List<String> block = new ArrayList<>();
                it.forEachRemaining(block::add);
                List<List<String>> out = new ArrayList<>();
                // Sub-blocks within the service's cell limit (the rows are the same).
                int rows = (int) Math.max(1, kx.limits().maxMatrixCells() / dest.size());
                for (int b0 = 0; b0 < block.size(); b0 += rows) {
                  List<String> sub = block.subList(b0, Math.min(block.size(), b0 + rows));
                  MatrixService.Result m =
                      Sweeps.oneThread(() -> matrix(kx, route, scenario, year, sub, dest));
                  for (int i = 0; i < m.from().size(); i++) {
                    for (int c = 0; c < m.to().size(); c++) {
                      out.add(ResultCsv.matrix(m.from().get(i), m.to().get(c), m.values()[i][c]));
                    }
                  }
                }
                return out.iterator();
              });
      return df;
    } finally {
      p.close(s);
    }
  }

  /** What {@code karvan matrix} computes for these origins (node ids). */
  static MatrixService.Result matrix(
      Karvan k, RouteOptions route, String scenario, Integer year, List<String> a, List<String> b) {
    return k.matrices()
        .matrix(new MatrixService.Request(a, b, route.spec(null, null, scenario, year).build()));
  }

  /** Node ids of the places, as {@code karvan matrix} resolves them ({@code all}: every node). */
  private static List<String> ids(Resolver.Common cm, List<String> names, String field, Fields f) {
    if (names.size() == 1 && names.get(0).trim().equalsIgnoreCase("all")) {
      return cm.on().network().nodes().stream().map(Node::id).toList();
    }
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String id = Resolver.place(cm.places(), n, field, f);
      if (id != null) {
        out.add(id);
      }
    }
    if (names.isEmpty()) {
      f.error(
          field,
          field.equals("from") ? "give at least one origin" : "give at least one destination");
    }
    return out;
  }
}
