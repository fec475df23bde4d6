package org.karvan.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.karvan.app.InvalidRequestException;
import org.karvan.app.Karvan;
import org.karvan.app.OdList;
import org.karvan.core.validate.Problems;

/**
 * What every job shares: the session, reading an OD list (CSV or Parquet), running a function over
 * contiguous slices of the tasks (so output rows keep input order whatever the partitioning),
 * progress, and writing CSV and Parquet.
 */
final class Sweeps {
  private Sweeps() {}

  /**
   * A session on {@code master}. Local masters bind 127.0.0.1 only (Spark binds a non-loopback
   * interface by default); on a cluster, spark-submit's settings apply.
   */
  static Session open(String master, String app) {
    var active = SparkSession.getActiveSession();
    if (active.isEmpty()) {
      active = SparkSession.getDefaultSession();
    }
    if (active.isDefined()) {
      return new Session(active.get(), false);
    }
    return new Session(session(master, app), true);
  }

  /** A session, stopped at the end only when this job started it (tests share one). */
  record Session(SparkSession spark, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }

  static SparkSession session(String master, String app) {
    SparkSession.Builder b = SparkSession.builder().appName(app);
    if (master != null) {
      b.master(master);
    }
    String m = master != null ? master : System.getProperty("spark.master", "");
    if (m.isEmpty() || m.startsWith("local")) {
      if (master == null && m.isEmpty()) {
        b.master("local[*]");
      }
      b.config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "8");
    }
    SparkSession s = b.getOrCreate();
    if (m.isEmpty() || m.startsWith("local")) {
      s.sparkContext().setLogLevel("WARN");
    }
    return s;
  }

  /**
   * Reads an OD list: Parquet for {@code *.parquet} or a directory (or {@code format}), else CSV.
   */
  static List<OdList.Raw> odRows(
      SparkSession s, Karvan k, String path, String format, String cargo, PrintWriter err) {
    List<OdList.Raw> raw = new ArrayList<>();
    OdList.Result res;
    if (parquet(s, path, format)) {
      Dataset<Row> df = s.read().parquet(path);
      List<String> cols = List.of(df.columns());
      List<String> want = List.of("origin", "destination", "cargo", "weight_t");
      List<org.apache.spark.sql.Column> sel = new ArrayList<>();
      for (String c : want) {
        sel.add(
            cols.contains(c)
                ? df.col(c).cast(DataTypes.StringType).alias(c)
                : org.apache.spark.sql.functions.lit("").alias(c));
      }
      List<Row> rows = df.select(sel.toArray(new org.apache.spark.sql.Column[0])).collectAsList();
      for (int i = 0; i < rows.size(); i++) {
        Row r = rows.get(i);
        raw.add(new OdList.Raw(i + 1, cell(r, 0), cell(r, 1), cell(r, 2), cell(r, 3)));
      }
      res = OdList.of(k, path, cols, raw, new Problems(), cargo);
    } else {
      byte[] b = bytes(s, path);
      res = OdList.parse(k, b, path, cargo);
      raw.addAll(OdList.rows(b, path));
    }
    res.problems().forEach(err::println);
    if (res.skipped() > 0) {
      err.printf(Locale.ROOT, "karvan: skipped %d bad row(s) (listed above)%n", res.skipped());
    }
    List<OdList.Raw> ok = new ArrayList<>();
    for (OdList.Raw r : raw) {
      if (OdList.pair(k, r, cargo, new org.karvan.app.Fields()) != null) {
        ok.add(r);
      }
    }
    return ok;
  }

  private static String cell(Row r, int i) {
    return r.isNullAt(i) ? "" : r.getString(i).trim();
  }

  static boolean parquet(SparkSession s, String path, String format) {
    if (format != null) {
      return format.equalsIgnoreCase("parquet");
    }
    if (path.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      return true;
    }
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = p.getFileSystem(s.sparkContext().hadoopConfiguration());
      return fs.exists(p) && fs.getFileStatus(p).isDirectory();
    } catch (IOException e) {
      return false;
    }
  }

  /** A file's bytes through Hadoop (local, HDFS, S3...), with the CLI's error when unreadable. */
  static byte[] bytes(SparkSession s, String path) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    try {
      FileSystem fs = p.getFileSystem(s.sparkContext().hadoopConfiguration());
      try (InputStream in = fs.open(p)) {
        return in.readAllBytes();
      }
    } catch (java.io.FileNotFoundException e) {
      throw new InvalidRequestException("od", path + ": cannot be read (no such file)");
    } catch (IOException e) {
      throw new InvalidRequestException("od", path + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Runs {@code work} with parallel streams inside it confined to one thread (one core a task). */
  static <T> T oneThread(Supplier<T> work) {
    ForkJoinPool pool = new ForkJoinPool(1);
    try {
      return pool.submit(work::get).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /** Columns of strings. */
  static StructType schema(List<String> columns) {
    List<StructField> f = new ArrayList<>();
    for (String c : columns) {
      f.add(DataTypes.createStructField(c, DataTypes.StringType, false));
    }
    return DataTypes.createStructType(f);
  }

  /**
   * Runs {@code fn} over {@code tasks} cut into {@code partitions} contiguous slices; the rows come
   * back slice by slice, so in task order. The result is cached (written twice, computed once).
   */
  static <T extends java.io.Serializable> Dataset<Row> run(
      SparkSession s,
      List<T> tasks,
      int partitions,
      List<String> columns,
      Progress progress,
      FlatMapFunction<Iterator<T>, List<String>> fn) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(s.sparkContext());
    LongAccumulator done = progress.accumulator();
    JavaRDD<Row> rows =
        jsc.parallelize(tasks, Math.max(1, partitions))
            .mapPartitions(
                it -> {
                  List<T> slice = new ArrayList<>();
                  it.forEachRemaining(slice::add);
                  List<Row> out = new ArrayList<>();
                  Iterator<List<String>> r = fn.call(slice.iterator());
                  while (r.hasNext()) {
                    out.add(RowFactory.create(r.next().toArray()));
                  }
                  done.add(slice.size());
                  return out.iterator();
                });
    Dataset<Row> df = s.createDataFrame(rows, schema(columns));
    df = df.persist(StorageLevel.MEMORY_AND_DISK());
    s.sparkContext().setCallSite("karvan: " + progress.what + " (routing)");
    try {
      df.count();
    } finally {
      s.sparkContext().clearCallSite();
    }
    return df;
  }

  /**
   * A job's command: opens the workspace (checking it), the session, runs {@code job} and writes
   * its rows; exit code 0.
   */
  static int main(
      JobOptions opts,
      String app,
      PrintWriter err,
      java.util.function.BiFunction<SparkSession, Workspace.Driver, Dataset<Row>> job) {
    Workspace.Driver d = opts.open();
    try (Session ss = open(opts.master, app)) {
      Dataset<Row> df = job.apply(ss.spark(), d);
      write(df, opts.out);
      err.printf(
          Locale.ROOT,
          "karvan: wrote %d row(s) to %s/csv and %s/parquet%n",
          df.count(),
          opts.out,
          opts.out);
      df.unpersist();
    }
    return 0;
  }

  /** Writes {@code df} as {@code out/csv} (with a header) and {@code out/parquet}, in order. */
  static void write(Dataset<Row> df, String out) {
    df.sparkSession().sparkContext().setCallSite("karvan: write " + out + "/csv");
    df.write()
        .mode(SaveMode.Overwrite)
        .option("header", "true")
        .option("emptyValue", "")
        .option("escape", "\"")
        .csv(out + "/csv");
    df.sparkSession().sparkContext().setCallSite("karvan: write " + out + "/parquet");
    df.write().mode(SaveMode.Overwrite).parquet(out + "/parquet");
    df.sparkSession().sparkContext().clearCallSite();
  }

  /** A small in-driver table (ranked criticality rows) as a one-partition data frame. */
  static Dataset<Row> table(SparkSession s, List<String> columns, List<List<String>> rows) {
    List<Row> r = new ArrayList<>();
    for (List<String> x : rows) {
      r.add(RowFactory.create(x.toArray()));
    }
    return s.createDataFrame(r, schema(columns)).coalesce(1);
  }

  /** Stages and rows done, on standard error: one line per finished stage and per tenth of rows. */
  static final class Progress extends SparkListener {
    private final PrintWriter err;
    private final long total;
    private final String what;
    private LongAccumulator acc;
    private long reported;

    Progress(SparkSession s, PrintWriter err, long total, String what) {
      this.err = err;
      this.total = total;
      this.what = what;
      this.acc = s.sparkContext().longAccumulator("karvan " + what + " done");
      s.sparkContext().addSparkListener(this);
    }

    LongAccumulator accumulator() {
      return acc;
    }

    long done() {
      return acc.value();
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
      long d = acc.value();
      if (d - reported >= Math.max(1, total / 10) || d == total && reported != total) {
        reported = d;
        err.printf(Locale.ROOT, "karvan: %d / %d %s done%n", d, total, what);
        err.flush();
      }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted e) {
      err.printf(
          Locale.ROOT,
          "karvan: stage %d, %s, done: %d task(s)%n",
          e.stageInfo().stageId(),
          e.stageInfo().name(),
          e.stageInfo().numTasks());
      err.flush();
    }

    void close(SparkSession s) {
      s.sparkContext().removeSparkListener(this);
    }
  }
}
