package io.cti.bench;

import com.sun.tools.attach.VirtualMachine;
import io.cti.core.demo.DemoCustomers;
import io.cti.core.demo.DemoSeeder;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (c): the heap of the platform running its demo. Starts the platform as its own process (embedded
 * PostgreSQL and Redis in a fresh data folder, the 2,000 demo customers loaded on first start), then for a few
 * minutes: sends card lookups over HTTP, forces a full GC through JMX ({@link MemoryMXBean#gc()}, attached with
 * the Attach API) and records the heap used after it. The platform's output goes to
 * {@code bench/target/heap-platform.log}.
 *
 * <pre>
 * java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.cti.bench.PlatformHeapBenchmark \
 *      [--minutes=3] [--interval-seconds=15] [--lookups-per-interval=500] [--jvm-options=-Xmx512m]
 * </pre>
 */
public final class PlatformHeapBenchmark {

    private static final Pattern READY = Pattern.compile("CTI platform ready: http://[^:]+:(\\d+)/");

    private PlatformHeapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = BenchSupport.arguments(args);
        long minutes = BenchSupport.longArgument(arguments, "minutes", 3);
        long interval = BenchSupport.longArgument(arguments, "interval-seconds", 15);
        int lookups = (int) BenchSupport.longArgument(arguments, "lookups-per-interval", 500);
        String jvmOptions = arguments.getOrDefault("jvm-options", "");
        Path log = Path.of("bench", "target", "heap-platform.log").toAbsolutePath();
        Path data = Path.of("bench", "target", "heap-platform-data").toAbsolutePath();

        System.out.println("# PlatformHeapBenchmark");
        System.out.println("machine: " + BenchSupport.machine());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : jvmOptions.split(" ")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.cti.platform.CtiPlatformApplication",
                "--cti.platform.data-dir=" + data, "--cti.platform.wipe-data=true", "--server.port=0"));
        System.out.println("platform: " + String.join(" ", command.subList(0, command.indexOf("-cp")))
                + " -cp <bench classpath> io.cti.platform.CtiPlatformApplication " + String.join(" ", command.subList(command.indexOf("-cp") + 3, command.size())));
        Files.createDirectories(log.getParent());
        long started = System.nanoTime();
        Process platform = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    Matcher ready = READY.matcher(line);
                    if (ready.find()) {
                        port.complete(Integer.parseInt(ready.group(1)));
                    }
                    if (line.contains("demo customers")) {
                        System.out.println("platform says: " + line.substring(Math.max(0, line.indexOf("Loaded"))));
                    }
                }
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the platform stopped before it was ready; see " + log));
        }, "platform-output");
        drain.setDaemon(true);
        drain.start();
        try {
            int httpPort = port.get(5, TimeUnit.MINUTES);
            System.out.printf("platform ready on port %d after %.1f s (pid %d)%n", httpPort,
                    (System.nanoTime() - started) / 1e9, platform.pid());
            VirtualMachine vm = VirtualMachine.attach(Long.toString(platform.pid()));
            String jmxUrl = vm.startLocalManagementAgent();
            try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(jmxUrl))) {
                MBeanServerConnection connection = jmx.getMBeanServerConnection();
                MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(connection,
                        ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
                List<String> numbers = demoNumbers();
                // The default run's demo supervisor, logged in once: the lookups ride on the session as a desktop's do.
                HttpClient http = ConsoleLogin.loggedIn("http://127.0.0.1:" + httpPort, "supervisor", "supervisor-demo");
                SplittableRandom random = new SplittableRandom(3);
                System.out.println("| t (s) | lookups so far | heap used after GC (MB) | heap committed (MB) | RSS (MB) |");
                System.out.println("| --- | --- | --- | --- | --- |");
                long samples = minutes * 60 / interval;
                long done = 0;
                long min = Long.MAX_VALUE;
                long max = 0;
                long first = -1;
                long last = 0;
                for (long i = 0; i <= samples; i++) {
                    long sliceStart = System.nanoTime();
                    if (i > 0) {
                        for (int k = 0; k < lookups; k++) {
                            lookup(http, httpPort, numbers.get(random.nextInt(numbers.size())));
                            done++;
                        }
                    }
                    memory.gc();
                    MemoryUsage heap = memory.getHeapMemoryUsage();
                    long used = heap.getUsed() / (1024 * 1024);
                    min = Math.min(min, used);
                    max = Math.max(max, used);
                    first = first < 0 ? used : first;
                    last = used;
                    System.out.printf("| %d | %d | %d | %d | %d |%n", (System.nanoTime() - started) / 1_000_000_000L, done, used,
                            heap.getCommitted() / (1024 * 1024), rss(platform.pid()));
                    long rest = interval * 1_000 - (System.nanoTime() - sliceStart) / 1_000_000;
                    if (i < samples && rest > 0) {
                        Thread.sleep(rest);
                    }
                }
                System.out.printf("heap used after GC: first %d MB, min %d MB, max %d MB, last %d MB over %d min and %d lookups%n",
                        first, min, max, last, minutes, done);
            } finally {
                vm.detach();
            }
        } finally {
            platform.destroy();
            if (!platform.waitFor(60, TimeUnit.SECONDS)) {
                platform.destroyForcibly();
            }
        }
    }

    /** The primary numbers of the demo set the platform loads by default (they do not depend on the day). */
    private static List<String> demoNumbers() {
        DemoCustomers demo = new DemoCustomers(DemoSeeder.DEFAULT_SEED, LocalDate.now(ZoneOffset.UTC));
        return demo.stream(2_000).map(c -> c.profile().phones().get(0).number().e164()).toList();
    }

    private static void lookup(HttpClient http, int port, String e164) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/customers/search?phone="
                + URLEncoder.encode(e164, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("card lookup answered HTTP " + response.statusCode());
        }
    }

    private static long rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
        } catch (Exception e) {
            return -1;
        }
    }
}
