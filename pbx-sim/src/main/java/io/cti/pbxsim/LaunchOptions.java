package io.cti.pbxsim;

import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.calls.Dialplan;
import io.cti.pbxsim.clock.RealTimeClock;
import io.cti.pbxsim.clock.SimClock;
import io.cti.pbxsim.clock.VirtualClock;
import io.cti.pbxsim.traffic.AgentPhones;
import io.cti.pbxsim.traffic.ArrivalRate;
import io.cti.pbxsim.traffic.CallerNumbers;
import io.cti.pbxsim.traffic.Delay;
import io.cti.pbxsim.traffic.InboundQueue;
import io.cti.pbxsim.traffic.OutboundDialing;
import io.cti.pbxsim.traffic.Population;
import io.cti.pbxsim.traffic.TrafficPlan;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The standalone simulator's command line, parsed (see README.md for every option). Not thread-safe; one instance
 * per command line.
 */
final class LaunchOptions {

    private static final Set<String> FLAGS = Set.of("--auto-route", "--no-ami", "--demo");

    String host = "127.0.0.1";
    int port = 5038;
    String dialplan = "platform";
    boolean virtual;
    double speed = 1.0;
    Instant start = VirtualClock.DEFAULT_START;
    Duration duration;
    long seed = 1;
    final Map<String, InboundQueue> queues = new LinkedHashMap<>();
    final Map<String, double[]> curves = new LinkedHashMap<>();
    ZoneId zone = ZoneId.of("UTC");
    Delay patience;
    Delay talk;
    List<String> callers = List.of();
    double unknownShare = 0.2;
    List<String> agents;
    Delay ringDelay;
    double noAnswer;
    Path population;
    String trunk = TrafficPlan.DEFAULT_TRUNK;
    Double dialRate;
    boolean autoRoute;
    boolean noAmi;
    boolean demo;
    final List<AmiUser> users = new ArrayList<>();

    static LaunchOptions parse(String[] args) {
        LaunchOptions options = new LaunchOptions();
        String pendingUser = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (FLAGS.contains(name)) {
                options.flag(name);
                continue;
            }
            if (i + 1 >= args.length) {
                throw PbxSimException.badArgument(name, "needs a value");
            }
            String value = args[++i];
            if ("--user".equals(name)) {
                if (pendingUser != null) {
                    throw PbxSimException.badArgument("--user " + pendingUser, "needs a --secret");
                }
                pendingUser = value;
            } else if ("--secret".equals(name)) {
                if (pendingUser == null) {
                    throw PbxSimException.badArgument(name, "must follow a --user");
                }
                options.users.add(new AmiUser(pendingUser, value));
                pendingUser = null;
            } else {
                options.option(name, value);
            }
        }
        if (pendingUser != null) {
            throw PbxSimException.badArgument("--user " + pendingUser, "needs a --secret");
        }
        options.check();
        return options;
    }

    private void flag(String name) {
        switch (name) {
            case "--auto-route" -> autoRoute = true;
            case "--no-ami" -> noAmi = true;
            default -> demo = true;
        }
    }

    private void option(String name, String value) {
        switch (name) {
            case "--host" -> host = value;
            case "--port" -> port = OptionValues.port(name, value);
            case "--dialplan" -> dialplan = value;
            case "--clock" -> virtual = clockKind(name, value);
            case "--speed" -> speed = OptionValues.decimal(name, value, 1, 1_000_000);
            case "--start" -> start = OptionValues.instant(name, value);
            case "--duration" -> duration = OptionValues.duration(name, value);
            case "--seed" -> seed = OptionValues.seed(name, value);
            case "--queue" -> {
                InboundQueue queue = OptionValues.queue(name, value);
                queues.put(queue.name(), queue);
            }
            case "--day-curve" -> {
                int equals = value.indexOf('=');
                if (equals <= 0) {
                    throw PbxSimException.badArgument(name, "expected NAME=r0,...,r23, got " + value);
                }
                curves.put(value.substring(0, equals), OptionValues.dayCurve(name, value.substring(equals + 1)));
            }
            case "--zone" -> zone = OptionValues.zone(name, value);
            case "--patience" -> patience = OptionValues.lognormal(name, value);
            case "--talk" -> talk = OptionValues.lognormal(name, value);
            case "--callers" -> callers = OptionValues.numbers(name, Path.of(value));
            case "--unknown-share" -> unknownShare = OptionValues.decimal(name, value, 0, 1);
            case "--agents" -> agents = OptionValues.agents(name, value);
            case "--ring-delay" -> ringDelay = OptionValues.uniformDelay(name, value);
            case "--no-answer" -> noAnswer = OptionValues.decimal(name, value, 0, 1);
            case "--population" -> population = Path.of(value);
            case "--trunk" -> trunk = value;
            case "--dial-rate" -> dialRate = OptionValues.decimal(name, value, 0, 1_000_000);
            default -> throw PbxSimException.badArgument(name, "unknown option");
        }
    }

    private static boolean clockKind(String name, String value) {
        return switch (value) {
            case "virtual" -> true;
            case "real" -> false;
            default -> throw PbxSimException.badArgument(name, "must be real or virtual, was " + value);
        };
    }

    private void check() {
        if (users.isEmpty() && !noAmi) {
            throw PbxSimException.badArgument("--user", "at least one --user with --secret is required "
                    + "(or --no-ami)");
        }
        for (String queue : curves.keySet()) {
            if (!queues.containsKey(queue)) {
                throw PbxSimException.badArgument("--day-curve", "no --queue named " + queue);
            }
        }
        if (dialRate != null && population == null) {
            throw PbxSimException.badArgument("--dial-rate", "needs a --population to dial");
        }
        if (autoRoute && agents == null && !demo) {
            throw PbxSimException.badArgument("--auto-route", "needs --agents");
        }
        if (virtual && speed != 1.0) {
            throw PbxSimException.badArgument("--speed", "applies to the real clock only");
        }
    }

    SimulatorConfig config() {
        Supplier<SimClock> clock = virtual ? () -> VirtualClock.startingAt(start)
                : () -> speed == 1.0 ? RealTimeClock.create() : RealTimeClock.accelerated(speed);
        return new SimulatorConfig(clock, dialplan(), noAmi ? List.of() : users, host, port, plan());
    }

    private Dialplan dialplan() {
        return switch (dialplan) {
            case "platform" -> Dialplan.platform();
            case "reference" -> Dialplan.recordedReference();
            default -> Dialplan.load(Path.of(dialplan));
        };
    }

    /** The traffic asked for, or null when the command line asks for none. */
    private TrafficPlan plan() {
        boolean any = demo || !queues.isEmpty() || agents != null || population != null;
        if (!any) {
            return null;
        }
        TrafficPlan plan = demo ? TrafficPlan.demo(seed, callers, 30).withAutoRoute(true) : TrafficPlan.seeded(seed);
        if (!queues.isEmpty()) {
            List<InboundQueue> list = new ArrayList<>();
            for (InboundQueue queue : queues.values()) {
                InboundQueue shaped = curves.containsKey(queue.name())
                        ? queue.withRate(ArrivalRate.dayCurve(curves.get(queue.name()), zone)) : queue;
                list.add(shaped.withPatience(patience).withTalk(talk));
            }
            plan = plan.withQueues(list);
        } else if (patience != null || talk != null) {
            plan = plan.withQueues(plan.queues().stream().map(q -> q.withPatience(patience).withTalk(talk)).toList());
        }
        plan = plan.withCallers(new CallerNumbers(callers, callers.isEmpty() ? 1.0 : unknownShare));
        if (agents != null) {
            plan = plan.withAgents(new AgentPhones(agents, ringDelay, noAnswer, null));
        }
        if (population != null) {
            plan = plan.withPopulation(Population.load(population)).withCalleeTrunk(trunk);
        }
        if (dialRate != null) {
            plan = plan.withDialing(OutboundDialing.perHour(dialRate));
        }
        return autoRoute ? plan.withAutoRoute(true) : plan;
    }
}
