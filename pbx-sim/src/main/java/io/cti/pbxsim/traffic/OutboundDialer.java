package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.OriginateRequest;
import io.cti.pbxsim.calls.Party;
import io.cti.pbxsim.calls.Pbx;

import java.util.List;

/**
 * The load generator's dialer: at the dialing rate (Poisson) it originates to a number drawn from the population,
 * through the callee trunk ({@code TECH/<number>@<trunk>}), into the outbound context. Stands in for the
 * platform's dialer when pbx-sim runs alone. Confined to the clock thread.
 */
final class OutboundDialer {

    private static final Party DIALER = new Party("5550100", "CTI");

    private final Pbx pbx;
    private final SimRandom random;
    private final OutboundDialing dialing;
    private final List<String> numbers;
    private final String technology;
    private final String trunk;
    private final ArrivalProcess process;

    OutboundDialer(Pbx pbx, SimRandom random, TrafficPlan plan) {
        this.pbx = pbx;
        this.random = random;
        this.dialing = plan.dialing();
        this.numbers = plan.population().phones();
        int slash = plan.calleeTrunk().indexOf('/');
        this.technology = plan.calleeTrunk().substring(0, slash);
        this.trunk = plan.calleeTrunk().substring(slash + 1);
        this.process = new ArrivalProcess(pbx.clock(), random, ArrivalRate.poisson(dialing.perHour()), this::dial);
    }

    void start() {
        process.start();
    }

    void stop() {
        process.stop();
    }

    private void dial() {
        String number = numbers.get(random.nextInt(numbers.size()));
        pbx.originate(OriginateRequest
                .toExtension(technology + "/" + number + "@" + trunk, dialing.context(), "s", 1)
                .withTimeout(dialing.ringTimeout())
                .withCallerId(DIALER));
    }
}
