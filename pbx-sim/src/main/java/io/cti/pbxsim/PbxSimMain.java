package io.cti.pbxsim;

import io.cti.pbxsim.ami.AmiServer;
import io.cti.pbxsim.ami.AmiServerConfig;
import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.calls.Dialplan;
import io.cti.pbxsim.calls.Pbx;
import io.cti.pbxsim.calls.PbxConfig;
import io.cti.pbxsim.clock.RealTimeClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs pbx-sim on its own: a simulated Asterisk with an AMI server, until the process is stopped.
 * {@code --port 5038 --user cti --secret s3cret [--user u2 --secret s2] [--host 127.0.0.1]
 * [--dialplan extensions.conf] [--speed 1]}. Without {@code --dialplan} it runs the dialplan the reference
 * recordings were made with. Thread-safe: {@link #start} may be called from any thread.
 */
public final class PbxSimMain {

    /** A running simulator: the PBX and its AMI server. Closing stops both. */
    public record Running(Pbx pbx, AmiServer server, int port) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            pbx.close();
        }
    }

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
        Running running;
        try {
            running = start(args);
        } catch (PbxSimException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "pbx-sim-shutdown"));
        System.out.println("pbx-sim: AMI on port " + running.port() + " (Asterisk Call Manager/9.0.0); Ctrl-C stops");
        stopped.await();
    }

    /** Starts a simulator from command-line arguments. */
    public static Running start(String[] args) {
        Options options = Options.parse(args);
        Dialplan dialplan = options.dialplan == null ? Dialplan.recordedReference() : Dialplan.load(options.dialplan);
        RealTimeClock clock = options.speed == 1.0 ? RealTimeClock.create() : RealTimeClock.accelerated(options.speed);
        Pbx pbx = Pbx.start(PbxConfig.of(clock, dialplan));
        AmiServer server = new AmiServer(pbx, AmiServerConfig.defaults(options.users));
        try {
            return new Running(pbx, server, server.start(options.host, options.port));
        } catch (RuntimeException e) {
            pbx.close();
            throw e;
        }
    }

    static String usage() {
        return "usage: java -jar pbx-sim-standalone.jar --port 5038 --user cti --secret <secret> "
                + "[--user <name> --secret <secret>]... [--host 127.0.0.1] [--dialplan extensions.conf] [--speed 1]";
    }

    /** The parsed command line. */
    private static final class Options {
        String host = "127.0.0.1";
        int port = 5038;
        Path dialplan;
        double speed = 1.0;
        final List<AmiUser> users = new ArrayList<>();

        static Options parse(String[] args) {
            Options options = new Options();
            String pendingUser = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw PbxSimException.badArgument(name, "needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--host" -> options.host = value;
                    case "--port" -> options.port = number(name, value);
                    case "--dialplan" -> options.dialplan = Path.of(value);
                    case "--speed" -> options.speed = decimal(name, value);
                    case "--user" -> {
                        if (pendingUser != null) {
                            throw PbxSimException.badArgument("--user " + pendingUser, "needs a --secret");
                        }
                        pendingUser = value;
                    }
                    case "--secret" -> {
                        if (pendingUser == null) {
                            throw PbxSimException.badArgument(name, "must follow a --user");
                        }
                        options.users.add(new AmiUser(pendingUser, value));
                        pendingUser = null;
                    }
                    default -> throw PbxSimException.badArgument(name, "unknown option");
                }
            }
            if (pendingUser != null) {
                throw PbxSimException.badArgument("--user " + pendingUser, "needs a --secret");
            }
            if (options.users.isEmpty()) {
                throw PbxSimException.badArgument("--user", "at least one --user with --secret is required");
            }
            return options;
        }

        private static int number(String name, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw PbxSimException.badArgument(name, "not a port: " + value);
                }
                return port;
            } catch (NumberFormatException e) {
                throw PbxSimException.badArgument(name, "not a number: " + value);
            }
        }

        private static double decimal(String name, String value) {
            try {
                double speed = Double.parseDouble(value);
                if (!(speed >= 1.0) || Double.isInfinite(speed)) {
                    throw PbxSimException.badArgument(name, "must be a factor >= 1: " + value);
                }
                return speed;
            } catch (NumberFormatException e) {
                throw PbxSimException.badArgument(name, "not a number: " + value);
            }
        }
    }
}
