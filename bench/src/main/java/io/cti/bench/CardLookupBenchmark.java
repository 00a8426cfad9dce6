package io.cti.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.console.access.ConsolePrincipal;
import io.cti.console.access.Role;
import io.cti.console.access.UserRepository;
import io.cti.core.customers.Alert;
import io.cti.core.customers.AlertRules;
import io.cti.core.customers.CarePlanContact;
import io.cti.core.customers.Customer;
import io.cti.core.customers.CustomerBulkLoader;
import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.DerivedFigures;
import io.cti.core.customers.FigureRules;
import io.cti.core.customers.ServiceRequest;
import io.cti.core.demo.DemoCustomers;
import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;
import io.cti.platform.CtiPlatformApplication;
import org.HdrHistogram.Histogram;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Benchmark (b): how fast a customer card is found by phone number with a million customers in the database,
 * one lookup at a time: at the repository layer ({@link CustomerRepository#findIdByPhone}, {@link CustomerCards#byNumber},
 * and as a baseline the card read in seven queries as {@code CustomerCards} did before, measured in turns), then over HTTP through the platform ({@code GET /api/customers/search?phone=})
 * started in this JVM against the same PostgreSQL. Latencies go into HdrHistograms after a warm-up.
 *
 * <pre>
 * java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.cti.bench.CardLookupBenchmark \
 *      [--lookups=100000] [--http-lookups=100000] [--warmup=20000] [--customers=1000000] [--dir=bench/target/bench-postgres]
 * </pre>
 *
 * Uses the database {@link CustomerLoadBenchmark} left behind; loads {@code --customers} first if it holds fewer.
 */
public final class CardLookupBenchmark {

    /** The console user the HTTP lookups log in as (made by {@link #startPlatform} if missing). */
    static final String BENCH_USER = "bench-lookups";
    static final String BENCH_PASSWORD = "card lookup benchmark";

    private CardLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = BenchSupport.arguments(args);
        int lookups = (int) BenchSupport.longArgument(arguments, "lookups", 100_000);
        int httpLookups = (int) BenchSupport.longArgument(arguments, "http-lookups", 100_000);
        int warmup = (int) BenchSupport.longArgument(arguments, "warmup", 20_000);
        long customers = BenchSupport.longArgument(arguments, "customers", 1_000_000);
        Path directory = Path.of(arguments.getOrDefault("dir", BenchDatabase.DEFAULT_DIRECTORY.toString()));

        System.out.println("# CardLookupBenchmark");
        System.out.println("machine: " + BenchSupport.machine());
        try (BenchDatabase server = BenchDatabase.start(directory, false);
             HikariDataSource db = server.database(CustomerLoadBenchmark.DATABASE, 4)) {
            Clock clock = Clock.systemUTC();
            CustomerFigures figures = new CustomerFigures(db, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), clock);
            long present = BenchDatabase.count(db, "customer");
            if (present < customers) {
                System.out.printf("database holds %d customers: loading %d more%n", present, customers - present);
                new CustomerBulkLoader(db).load(new DemoCustomers(42, LocalDate.now(clock)).stream(present, customers - present));
            }
            if (!figures.breakpoints().computedAt().atZone(ZoneOffset.UTC).toLocalDate().equals(LocalDate.now(clock))) {
                long start = System.nanoTime();
                int refreshed = figures.refreshAll();
                System.out.printf("figures were not computed today: refreshAll of %d customers took %.1f s%n", refreshed,
                        (System.nanoTime() - start) / 1e9);
            }
            System.out.printf("customers in the database: %d; phone numbers: %d%n", BenchDatabase.count(db, "customer"),
                    BenchDatabase.count(db, "customer_phone"));
            List<PhoneNumber> numbers = randomNumbers(db, Math.max(lookups, httpLookups) + warmup);
            CustomerRepository repository = new CustomerRepository(db, figures);

            CustomerHistory history = new CustomerHistory(db, figures);
            CustomerCards cards = new CustomerCards(repository, history, figures, clock);
            SevenQueryCard baseline = new SevenQueryCard(repository, history, figures, clock);
            int same = 0;
            for (PhoneNumber number : numbers.subList(0, 1_000)) {
                same += cards.byNumber(number).orElseThrow().equals(baseline.byNumber(number)) ? 1 : 0;
            }
            System.out.printf("the one-statement card equals the seven-query card for %d of 1000 numbers%n", same);

            // the three are measured in turns, so that what else runs on the machine weighs on each alike
            Histogram byId = BenchSupport.histogram();
            Histogram sevenQueries = BenchSupport.histogram();
            Histogram oneStatement = BenchSupport.histogram();
            int rounds = 10;
            for (int round = 0; round < rounds; round++) {
                int warm = round == 0 ? warmup : 0;
                // each its own numbers: none finds the pages another has just read in PostgreSQL's buffers
                byId.add(measure(numbers, warm, lookups / rounds, 3L * round, n -> repository.findIdByPhone(n).orElseThrow()));
                sevenQueries.add(measure(numbers, warm, lookups / rounds, 3L * round + 1, baseline::byNumber));
                oneStatement.add(measure(numbers, warm, lookups / rounds, 3L * round + 2, n -> cards.byNumber(n).orElseThrow()));
            }
            System.out.println("load average after the repository-layer lookups: " + BenchSupport.loadAverage());
            System.out.println(BenchSupport.PERCENTILE_HEADER);
            System.out.println(BenchSupport.percentiles("CustomerRepository.findIdByPhone", byId));
            System.out.println(BenchSupport.percentiles("baseline: the card in seven queries (the previous CustomerCards)", sevenQueries));
            System.out.println(BenchSupport.percentiles("CustomerCards.byNumber (one statement)", oneStatement));
            System.out.printf("seven queries / one statement: p50 %.2fx, p99 %.2fx%n",
                    ratio(sevenQueries, oneStatement, 50), ratio(sevenQueries, oneStatement, 99));

            if (httpLookups > 0) {
                try (ConfigurableApplicationContext platform = startPlatform(server)) {
                    int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
                    HttpClient http = ConsoleLogin.loggedIn("http://127.0.0.1:" + port, BENCH_USER, BENCH_PASSWORD);
                    String base = "http://127.0.0.1:" + port + "/api/customers/search?phone=";
                    Histogram histogram = measure(numbers, warmup, httpLookups, 0, n -> {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(n.e164(), StandardCharsets.UTF_8)))
                                .timeout(Duration.ofSeconds(10)).GET().build();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                                        + new String(response.body(), StandardCharsets.UTF_8));
                            }
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    });
                    System.out.println(BenchSupport.percentiles("GET /api/customers/search?phone= (HTTP/1.1, keep-alive)", histogram));
                }
            }
        }
    }

    /**
     * The platform application on a free port, on the benchmark's PostgreSQL, with its own embedded Redis, and a
     * console user for the lookups (a supervisor may use the customer API) made if missing.
     */
    static ConfigurableApplicationContext startPlatform(BenchDatabase server) {
        SpringApplication application = new SpringApplication(CtiPlatformApplication.class);
        ConfigurableApplicationContext platform = application.run(
                "--cti.platform.database.url=" + server.server().jdbcUrl(CustomerLoadBenchmark.DATABASE),
                "--cti.platform.database.username=" + server.server().username(),
                "--cti.platform.data-dir=" + Path.of("bench", "target", "bench-platform").toAbsolutePath(),
                "--cti.platform.wipe-data=true",
                "--cti.platform.demo.enabled=false",
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.io.cti=INFO");
        UserRepository users = platform.getBean(UserRepository.class);
        if (users.find(BENCH_USER).isEmpty()) {
            users.create(new ConsolePrincipal(BENCH_USER, "Card lookup benchmark", Set.of(Role.SUPERVISOR), null),
                    platform.getBean(PasswordEncoder.class).encode(BENCH_PASSWORD), true, Instant.now());
        }
        return platform;
    }

    private static List<PhoneNumber> randomNumbers(HikariDataSource db, int n) throws Exception {
        List<PhoneNumber> numbers = new ArrayList<>(n);
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select e164 from customer_phone order by random() limit " + n)) {
            while (rs.next()) {
                numbers.add(new PhoneNumber(rs.getString(1)));
            }
        }
        java.util.Collections.shuffle(numbers, new java.util.Random(7));
        return numbers;
    }

    private static double ratio(Histogram numerator, Histogram denominator, double percentile) {
        return (double) numerator.getValueAtPercentile(percentile) / denominator.getValueAtPercentile(percentile);
    }

    /** {@code warmup} unmeasured calls, then {@code count} calls timed one by one, in microseconds. */
    private static Histogram measure(List<PhoneNumber> numbers, int warmup, int count, long seed, Consumer<PhoneNumber> call) {
        SplittableRandom random = new SplittableRandom(1 + seed);
        for (int i = 0; i < warmup; i++) {
            call.accept(numbers.get(random.nextInt(numbers.size())));
        }
        Histogram histogram = BenchSupport.histogram();
        for (int i = 0; i < count; i++) {
            PhoneNumber number = numbers.get(random.nextInt(numbers.size()));
            long start = System.nanoTime();
            call.accept(number);
            histogram.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
        }
        return histogram;
    }

    /**
     * The card as {@code CustomerCards} read it before it became one statement: seven queries in a row (number,
     * customer, phones, figures, open requests, next contact, last interactions). The baseline of this benchmark.
     */
    private record SevenQueryCard(CustomerRepository customers, CustomerHistory history, CustomerFigures figures,
                                  Clock clock) {

        CustomerCard byNumber(PhoneNumber number) {
            CustomerId id = customers.findIdByPhone(number).orElseThrow();
            Customer customer = customers.find(id).orElseThrow();
            LocalDate today = LocalDate.now(clock);
            DerivedFigures current = figures.find(id).filter(f -> f.computedOn().equals(today))
                    .orElseGet(() -> figures.refresh(id));
            List<ServiceRequest> open = history.openServiceRequests(id);
            Optional<CarePlanContact> next = history.nextPlannedContact(id);
            ZoneId zone = customer.profile().timeZone() == null ? clock.getZone() : customer.profile().timeZone();
            List<Alert> alerts = AlertRules.alerts(customer.profile(), current, open, next,
                    LocalDate.ofInstant(clock.instant(), zone));
            return new CustomerCard(id, customer.version(), customer.profile(), current, alerts,
                    history.lastInteractions(id, CustomerCard.LAST_INTERACTIONS), open, next.orElse(null));
        }
    }
}
