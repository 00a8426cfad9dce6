package io.cti.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Redis itself spent over a phase of a benchmark, from its INFO sections: its CPU (main thread, so the share of
 * the one core it can use) and its commands by total time. Stateless.
 */
final class RedisWork {

    private RedisWork() {
    }

    /** "Redis CPU x s (y% of one core)": {@code used} CPU seconds in {@code seconds}. */
    static String used(double used, double seconds) {
        return String.format(Locale.ROOT, "Redis CPU %.1f s in %.1f s (%.0f%% of one core)", used, seconds,
                100 * used / seconds);
    }

    /** The {@code limit} commands that took Redis longest, with calls and microseconds per operation of the phase. */
    static String topCommands(String commandstats, long operations, int limit) {
        List<String[]> rows = new ArrayList<>();
        for (String line : commandstats.split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String name = line.substring("cmdstat_".length(), line.indexOf(':'));
            Map<String, String> fields = fields(line.substring(line.indexOf(':') + 1));
            rows.add(new String[] {name, fields.getOrDefault("calls", "0"), fields.getOrDefault("usec", "0")});
        }
        return rows.stream().sorted((a, b) -> Long.compare(Long.parseLong(b[2]), Long.parseLong(a[2]))).limit(limit)
                .map(r -> String.format(Locale.ROOT, "%s %.2f calls %.1f µs", r[0],
                        Long.parseLong(r[1]) / (double) operations, Long.parseLong(r[2]) / (double) operations))
                .collect(Collectors.joining(", ")) + " (per agent freed)";
    }

    /** Redis's main-thread CPU seconds so far, from an {@code INFO cpu} reply. */
    static double cpuSeconds(String info) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        String sys = fields.getOrDefault("used_cpu_sys_main_thread", fields.getOrDefault("used_cpu_sys", "0"));
        String user = fields.getOrDefault("used_cpu_user_main_thread", fields.getOrDefault("used_cpu_user", "0"));
        return Double.parseDouble(sys) + Double.parseDouble(user);
    }

    private static Map<String, String> fields(String commaSeparated) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : commaSeparated.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return out;
    }
}
