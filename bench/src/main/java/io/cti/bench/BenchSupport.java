package io.cti.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** What every benchmark prints: the machine it ran on, arguments, latency percentiles. Stateless. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** {@code --name=value} arguments. */
    static Map<String, String> arguments(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value: " + arg);
            }
            map.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return map;
    }

    static long longArgument(Map<String, String> args, String name, long fallback) {
        return args.containsKey(name) ? Long.parseLong(args.get(name).replace("_", "")) : fallback;
    }

    /** Cores, CPU model, memory, JDK, date and the load average now: the facts RESULTS.md records with each run. */
    static String machine() {
        String cpu = "unknown";
        String memory = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(memory);
        } catch (IOException e) {
            // not Linux: leave unknown
        }
        return "date " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + "; cores (availableProcessors) " + Runtime.getRuntime().availableProcessors()
                + "; CPU " + cpu + "; memory " + memory
                + "; JDK " + System.getProperty("java.vm.name") + " " + Runtime.version()
                + "; max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB"
                + "; load average " + loadAverage();
    }

    /** The 1-minute load average: other work on the machine shares the cores a benchmark runs on. */
    static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** p50/p90/p99/p99.9/max in milliseconds of a histogram recorded in microseconds. */
    static String percentiles(String name, Histogram us) {
        return String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |", name, us.getTotalCount(),
                us.getValueAtPercentile(50) / 1000.0, us.getValueAtPercentile(90) / 1000.0,
                us.getValueAtPercentile(99) / 1000.0, us.getValueAtPercentile(99.9) / 1000.0, us.getMaxValue() / 1000.0,
                us.getMean() / 1000.0);
    }

    static final String PERCENTILE_HEADER = "| what | requests | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | mean ms |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- |";

    /** CPU seconds this JVM has used so far (all its threads). */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** CPU seconds (user and system) process {@code pid} has used so far. Linux only; -1 elsewhere or once it is gone. */
    static double cpuSeconds(long pid) {
        long[] stat = stat(pid);
        return stat == null ? -1 : (stat[1] + stat[2]) / 100.0; // USER_HZ is 100 on Linux
    }

    /**
     * CPU seconds a PostgreSQL server has used so far: the postmaster's own and its reaped children's (backends
     * that ended), plus its live children's (backends, WAL writer, checkpointer...). Linux only; -1 elsewhere.
     */
    static double postgresCpuSeconds(Path dataDirectory) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            long[] own = stat(postmaster);
            long ticks = own[1] + own[2] + own[3] + own[4];
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    long[] child = stat(Long.parseLong(name));
                    if (child != null && child[0] == postmaster) {
                        ticks += child[1] + child[2];
                    }
                }
            }
            return ticks / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** parent pid, utime, stime, cutime, cstime of a process, or null when it is gone. */
    private static long[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            return new long[]{Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                    Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Histogram histogram() {
        return new Histogram(60_000_000L, 3);
    }
}
