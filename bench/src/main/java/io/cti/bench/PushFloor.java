package io.cti.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.FigureRules;
import io.cti.core.embedded.EmbeddedPostgresServer;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CustomerId;
import io.cti.router.queues.RouterSchema;
import io.cti.router.staff.AgentProfile;
import io.cti.router.staff.AgentRepository;
import io.cti.router.staff.PhoneEndpoint;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Sets up the push benchmark's floor on a running platform: the agents in the router's directory (so the console
 * accepts users linked to them), their console users and the supervisors' (through the administrators' user API),
 * a logged-in session each (the login form, as a browser), and one push socket each. Also reads real customer
 * cards for the driver's pops. Not thread-safe.
 */
final class PushFloor {

    static final String PASSWORD = "push-bench-password";
    static final String SUPERVISOR_PREFIX = "bench-supervisor-";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    PushFloor(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static List<AgentId> agents(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> AgentId.of(String.format("%s%03d", PushDriver.AGENT_PREFIX, i)))
                .toList();
    }

    static List<String> supervisors(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("%s%02d", SUPERVISOR_PREFIX, i)).toList();
    }

    /** A pool on the platform's database ("cti" on the bench's embedded server). */
    static HikariDataSource database(EmbeddedPostgresServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl("cti"));
        config.setUsername(server.username());
        config.setMaximumPoolSize(2);
        config.setPoolName("push-bench");
        return new HikariDataSource(config);
    }

    /** Adds the agents to the router's directory (phones PJSIP/7001...), those not there yet. */
    static void addToRouter(HikariDataSource db, List<AgentId> agents) {
        AgentRepository repository = new AgentRepository(db, RouterSchema.migrate(db));
        for (int i = 0; i < agents.size(); i++) {
            AgentId agent = agents.get(i);
            if (repository.find(agent).isEmpty()) {
                repository.create(new AgentProfile(agent, "Bench agent " + (i + 1), Map.of(), List.of("bench"),
                        PhoneEndpoint.parse("PJSIP/" + (7001 + i))));
            }
        }
    }

    /** Up to {@code count} customer cards from the platform's demo customers. */
    static List<CustomerCard> cards(HikariDataSource db, int count) throws Exception {
        Clock clock = Clock.systemUTC();
        CustomerFigures figures = new CustomerFigures(db, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), clock);
        CustomerCards cards = new CustomerCards(new CustomerRepository(db, figures), new CustomerHistory(db, figures),
                figures, clock);
        List<CustomerCard> found = new ArrayList<>();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select id from customer order by id limit " + count)) {
            while (rs.next()) {
                cards.byId(CustomerId.of(rs.getLong(1))).ifPresent(found::add);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no customer in the platform's database: is its demo data off?");
        }
        return found;
    }

    /** Creates a console user through {@code POST /api/admin/users} as the demo administrator (HTTP Basic). */
    void createUser(String username, String role, String agentId) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"" + role + "\"]" + (agentId == null ? "" : ",\"agentId\":\"" + agentId + "\"") + "}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/users"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-demo"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating user " + username + ": HTTP " + created.statusCode() + " "
                    + created.body());
        }
    }

    /**
     * Creates and logs in each user (username, role, agent id or null) on {@code threads} threads at once, as a
     * shift's staff arrive; returns their session cookies in the same order.
     */
    List<String> enrol(List<String[]> users, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> cookies = new ArrayList<>();
            for (String[] user : users) {
                cookies.add(pool.submit(() -> {
                    createUser(user[0], user[1], user[2]);
                    return logIn(user[0]);
                }));
            }
            List<String> done = new ArrayList<>();
            for (Future<String> cookie : cookies) {
                done.add(cookie.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Logs {@code username} in and returns the session cookie. */
    String logIn(String username) throws Exception {
        return ConsoleLogin.sessionCookie(http, base, username, PASSWORD);
    }

    /**
     * Opens {@code count} sockets at once, {@code user.apply(i)} giving each its (username, cookie, agent or null),
     * the first {@code mayStop} of them able to stop reading, and waits until every one has received its snapshot.
     */
    List<PushSocketClient> open(int count, int mayStop, IntFunction<String[]> user, Map<String, Long> published,
                                Recorder pops, Recorder states) {
        List<CompletableFuture<PushSocketClient>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] u = user.apply(i);
            opening.add(PushSocketClient.open(http, base, u[1], u[0], u[2], i < mayStop, published, pops, states));
        }
        List<PushSocketClient> open = opening.stream().map(CompletableFuture::join).toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (open.stream().anyMatch(c -> c.frames() == 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(open.stream().filter(c -> c.frames() == 0).count()
                        + " sockets got no snapshot within 2 minutes");
            }
            sleep(50);
        }
        return open;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
