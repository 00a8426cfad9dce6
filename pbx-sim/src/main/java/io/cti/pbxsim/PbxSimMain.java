package io.cti.pbxsim;

import io.cti.pbxsim.clock.VirtualClock;
import io.cti.pbxsim.traffic.TrafficStats;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs pbx-sim on its own, as an Asterisk stand-in for AMI clients and as a load generator: the simulated PBX with
 * its AMI server and, when asked, seeded traffic, on the real clock (sped up or not) or on the virtual clock (as
 * fast as the CPU allows). Options are listed by {@code --help} and in README.md. Thread-safe: {@link #start} may
 * be called from any thread.
 */
public final class PbxSimMain {

    private PbxSimMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            // Kept off the classpath root so that an application embedding pbx-sim keeps its own logging setup.
            System.setProperty("logback.configurationFile", "io/cti/pbxsim/standalone-logback.xml");
        }
        if (List.of(args).contains("--help")) {
            System.out.println(usage());
            return;
        }
        LaunchOptions options;
        Simulator simulator;
        try {
            options = LaunchOptions.parse(args);
            simulator = Simulator.start(options.config());
        } catch (PbxSimException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        announce(simulator, options);
        if (options.duration != null) {
            runFor(simulator, options);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "pbx-sim-shutdown"));
        if (simulator.clock() instanceof VirtualClock virtual) {
            virtual.runFree();
        }
        stopped.await();
    }

    /** Starts a simulator from command-line arguments (its virtual clock, if any, still paused). */
    public static Simulator start(String[] args) {
        return Simulator.start(LaunchOptions.parse(args).config());
    }

    /** Runs the simulation for the asked duration, prints what it did, and stops. */
    private static void runFor(Simulator simulator, LaunchOptions options) throws InterruptedException {
        long began = System.nanoTime();
        if (simulator.clock() instanceof VirtualClock virtual) {
            virtual.runFor(options.duration);
        } else {
            Thread.sleep(Math.max(1, (long) (options.duration.toMillis() / options.speed)));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - began);
        System.out.println(summary(simulator, options.duration, wall));
        simulator.close();
    }

    static String summary(Simulator simulator, Duration simulated, Duration wall) {
        double seconds = Math.max(wall.toNanos() / 1e9, 1e-9);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "pbx-sim: simulated %s in %.2f s: %d events (%.0f events/s)", simulated, seconds,
                simulator.events(), simulator.events() / seconds));
        simulator.traffic().ifPresent(traffic -> {
            TrafficStats s = traffic.stats();
            out.append(String.format(Locale.ROOT, "%n  inbound: %d calls, %d gave up, %d connected; agents: %d "
                            + "answered, %d rang out%n  outbound: %d dials, %d busy, %d no answer, %d machines, "
                            + "%d persons (%d connected, %d hung up on silence), %d unknown numbers%n  callbacks: %d asked"
                            + " for, %d dialed, %d answered",
                    s.inboundCalls(), s.inboundAbandoned(), s.inboundConnected(), s.agentAnswers(),
                    s.agentNoAnswers(), s.outboundDials(), s.outboundBusy(), s.outboundNoAnswer(),
                    s.outboundMachines(), s.outboundHumans(), s.outboundConnected(), s.outboundHungUpOnSilence(),
                    s.outboundUnknownNumbers(), s.callbackRequests(), s.callbackDials(), s.callbackAnswered()));
        });
        return out.toString();
    }

    private static void announce(Simulator simulator, LaunchOptions options) {
        String ami = simulator.port() < 0 ? "no AMI"
                : "AMI on port " + simulator.port() + " (Asterisk Call Manager/9.0.0)";
        String clock = options.virtual ? "virtual clock from " + options.start
                : options.speed == 1.0 ? "real clock" : "real clock x" + options.speed;
        String end = options.duration != null ? "runs " + options.duration : "Ctrl-C stops";
        System.out.println("pbx-sim: " + ami + ", " + clock + ", seed " + options.seed
                + (simulator.traffic().isPresent() ? ", traffic on" : "") + "; " + end);
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar pbx-sim-standalone.jar [options]   (all options: pbx-sim/README.md)",
                "  AMI:      --user NAME --secret S (repeatable) | --no-ami   [--host 127.0.0.1] [--port 5038]",
                "  PBX:      [--dialplan platform|reference|FILE]",
                "  clock:    [--clock real|virtual] [--speed N] [--start 2025-01-06T00:00:00Z] [--duration 8h]",
                "  traffic:  [--seed N] [--demo] [--queue NAME=DNIS[:DIGITS]@PER_HOUR]... [--day-curve NAME=r0,..,r23]",
                "            [--zone ZONE] [--patience MEAN,SD] [--talk MEAN,SD] [--callers FILE] [--unknown-share P]",
                "            [--agents 2001-2010] [--ring-delay MIN-MAX] [--no-answer P] [--auto-route]",
                "            [--population FILE] [--trunk PJSIP/trunk] [--dial-rate PER_HOUR]");
    }
}
