package io.cti.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.customers.CustomerBulkLoader;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.customers.FigureRules;
import io.cti.core.demo.DemoCustomers;
import io.cti.core.demo.GeneratedCustomer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark (a): loads generated customers into the embedded PostgreSQL with {@link CustomerBulkLoader}
 * (COPY), times the load and the full figure refresh separately, and compares, in the same run, for a subset:
 * COPY batch by batch with the indexes kept current (the loader before it built them at the end), and the same
 * rows written by batched JDBC INSERTs.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.cti.bench.CustomerLoadBenchmark \
 *      [--customers=1000000] [--baseline=100000] [--seed=42] [--writers=2] [--batch=5000] [--refresh=true]
 *      [--rebuild-indexes=false] [--insert-baseline=true] [--pregenerate=false]
 *      [--dir=bench/target/bench-postgres]
 * </pre>
 *
 * Leaves the loaded database ({@value #DATABASE}) in the data directory, for {@link CardLookupBenchmark}.
 */
public final class CustomerLoadBenchmark {

    static final String DATABASE = "load";

    private CustomerLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = BenchSupport.arguments(args);
        long customers = BenchSupport.longArgument(arguments, "customers", 1_000_000);
        long baseline = BenchSupport.longArgument(arguments, "baseline", 100_000);
        long seed = BenchSupport.longArgument(arguments, "seed", 42);
        int writers = (int) BenchSupport.longArgument(arguments, "writers", 2);
        int batch = (int) BenchSupport.longArgument(arguments, "batch", 5_000);
        Path directory = Path.of(arguments.getOrDefault("dir", BenchDatabase.DEFAULT_DIRECTORY.toString()));
        boolean refresh = Boolean.parseBoolean(arguments.getOrDefault("refresh", "true"));
        boolean rebuild = Boolean.parseBoolean(arguments.getOrDefault("rebuild-indexes", "false"));
        boolean insertBaseline = Boolean.parseBoolean(arguments.getOrDefault("insert-baseline", "true"));
        // The generator is not part of loading: with this on, the customers are generated into memory first (timed
        // apart) and the load is timed on its own. Needs a heap of about 6 GB for a million (-Xmx8g).
        boolean pregenerate = Boolean.parseBoolean(arguments.getOrDefault("pregenerate", "false"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DemoCustomers demo = new DemoCustomers(seed, today);

        System.out.println("# CustomerLoadBenchmark");
        System.out.println("machine: " + BenchSupport.machine());
        System.out.printf("customers=%d baseline=%d seed=%d writers=%d batch=%d rebuild-indexes=%s pregenerate=%s today=%s%n",
                customers, baseline, seed, writers, batch, rebuild, pregenerate, today);
        try (BenchDatabase server = BenchDatabase.start(directory, true)) {
            // 1. the full load with COPY, then the figures
            try (HikariDataSource db = server.database(DATABASE, writers + 2)) {
                System.out.println("server: " + BenchDatabase.settings(db));
                CustomerBulkLoader loader = new CustomerBulkLoader(db, new CustomerBulkLoader.Options(batch, writers, true, rebuild));
                String loadBefore = BenchSupport.loadAverage();
                Path data = server.server().dataDirectory();
                double clientCpu = BenchSupport.processCpuSeconds();
                double serverCpu = BenchSupport.postgresCpuSeconds(data);
                Stream<GeneratedCustomer> source = demo.stream(customers);
                if (pregenerate) {
                    long generateStart = System.nanoTime();
                    List<GeneratedCustomer> generated = source.toList();
                    System.out.printf("generated %d customers into memory in %.1f s (not part of the load figure)%n",
                            generated.size(), (System.nanoTime() - generateStart) / 1e9);
                    source = generated.stream();
                    clientCpu = BenchSupport.processCpuSeconds();
                    serverCpu = BenchSupport.postgresCpuSeconds(data);
                    loadBefore = BenchSupport.loadAverage();
                }
                CustomerBulkLoader.Report report = loader.load(source);
                clientCpu = BenchSupport.processCpuSeconds() - clientCpu;
                serverCpu = BenchSupport.postgresCpuSeconds(data) - serverCpu;
                String loadAfter = BenchSupport.loadAverage();
                CustomerFigures figures = new CustomerFigures(db, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), Clock.systemUTC());
                long refreshStart = System.nanoTime();
                int refreshed = refresh ? figures.refreshAll() : 0;
                double refreshSeconds = (System.nanoTime() - refreshStart) / 1e9;
                double seconds = report.loadTime().toNanos() / 1e9;
                System.out.printf("COPY load: %d customers, %d rows (phones %d, purchases %d, interactions %d, requests %d,"
                                + " scores %d, campaigns %d, plan %d) in %.1f s = %.0f customers/s, %.0f rows/s;"
                                + " reference checks skipped: %s; one transaction, indexes built at the end: %s;"
                                + " load average before %s, after %s%n",
                        report.customers(), report.rows(), report.phones(), report.purchases(), report.interactions(),
                        report.serviceRequests(), report.satisfactionScores(), report.campaigns(), report.carePlanContacts(),
                        seconds, report.customers() / seconds, report.rows() / seconds, report.referenceChecksSkipped(),
                        report.indexesRebuilt(), loadBefore, loadAfter);
                System.out.printf("CPU used by the load: this JVM (generator, encoding, JDBC) %.1f s, PostgreSQL %.1f s;"
                        + " together %.1f s, i.e. %.1f s of wall time at best on %d cores%n", clientCpu, serverCpu,
                        clientCpu + serverCpu, (clientCpu + serverCpu) / Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().availableProcessors());
                if (refresh) {
                    System.out.printf("refreshAll: %d customers in %.1f s%n", refreshed, refreshSeconds);
                }
                System.out.printf("database size after load and refresh: %s%n", size(db));
            }
            // 2. the baseline: the first `baseline` customers, into empty databases, COPY and then batched INSERTs
            if (baseline > 0) {
                double copyOne = copySubset(server, demo, baseline, batch, 1, false);
                double copyWriters = writers == 1 ? copyOne : copySubset(server, demo, baseline, batch, writers, false);
                double copyRebuilt = copySubset(server, demo, baseline, batch, writers, true);
                System.out.printf("ratio batch by batch (%d writers) / one transaction with the indexes built at the end: %.2fx%n",
                        writers, copyWriters / copyRebuilt);
                if (!insertBaseline) {
                    return;
                }
                double inserts;
                try (HikariDataSource db = fresh(server, "baseline_insert", 2)) {
                    long start = System.nanoTime();
                    long rows = new JdbcInsertBaseline(db, batch).load(demo.iterator(0, baseline));
                    inserts = (System.nanoTime() - start) / 1e9;
                    System.out.printf("baseline batched JDBC INSERT (1 connection, FK checks on): %d customers, %d rows in %.1f s%n",
                            baseline, rows, inserts);
                }
                System.out.printf("ratio INSERT/COPY for %d customers: %.1fx against COPY with 1 writer, %.1fx against COPY with %d writers%n",
                        baseline, inserts / copyOne, inserts / copyWriters, writers);
            }
        }
    }

    private static double copySubset(BenchDatabase server, DemoCustomers demo, long n, int batch, int writers,
                                     boolean rebuild) {
        try (HikariDataSource db = fresh(server, "baseline_copy_" + writers + (rebuild ? "_rebuilt" : ""), writers + 2)) {
            CustomerBulkLoader.Report report = new CustomerBulkLoader(db, new CustomerBulkLoader.Options(batch, writers, true, rebuild))
                    .load(demo.stream(n));
            double seconds = report.loadTime().toNanos() / 1e9;
            System.out.printf("baseline COPY (%d writer%s, %s): %d customers, %d rows in %.1f s (load average %s)%n", writers,
                    writers == 1 ? "" : "s", report.indexesRebuilt() ? "one transaction, indexes built at the end"
                            : "batch by batch, indexes kept", n, report.rows(), seconds, BenchSupport.loadAverage());
            return seconds;
        }
    }

    private static HikariDataSource fresh(BenchDatabase server, String name, int pool) {
        server.drop(name);
        return server.database(name, pool);
    }

    private static String size(HikariDataSource db) {
        try (var c = db.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            return "unknown";
        }
    }
}
