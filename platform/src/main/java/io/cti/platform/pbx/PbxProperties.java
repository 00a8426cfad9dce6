package io.cti.platform.pbx;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded pbx-sim ({@code cti.platform.pbx.*}), which the platform starts when no Asterisk is configured
 * ({@code cti.bridge.host} unset), so the one-command run has calls to show. Immutable.
 *
 * @param embedded start pbx-sim when {@code cti.bridge.host} is unset; false runs without any PBX
 * @param port     its AMI port on the loopback interface; 0 picks a free one (it is logged)
 * @param username its AMI account; the secret is made anew on every start and never logged
 * @param traffic  the demo calls it places
 */
@Validated
@ConfigurationProperties("cti.platform.pbx")
public record PbxProperties(
        @DefaultValue("true") boolean embedded,
        @DefaultValue("0") @Min(0) @Max(65535) int port,
        @DefaultValue("cti") @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}",
                message = "must be 1-64 letters, digits or _ . -") String username,
        @DefaultValue @NotNull @Valid Traffic traffic) {

    /**
     * Demo traffic: callers to the support (5550100) and sales (5550200) numbers at {@code callsPerHour} each, and
     * to the IVR (5550000; 1 support, 2 sales, 9 call me back, or nothing) at a quarter of that, their numbers drawn from the customer database's phones
     * with {@code unknownShare} of unknown numbers; the agents' phones {@code PJSIP/<agents>}.
     *
     * @param enabled      place demo calls (false: pbx-sim only answers what the bridge asks)
     * @param callsPerHour Poisson rate of each of the two queues
     * @param seed         seed of every random draw of the traffic
     * @param unknownShare share of callers whose number no customer has
     * @param agents       the agents' extensions, {@code first-last}
     * @param noAnswer     probability that an agent's phone rings out (RONA)
     * @param autoRoute    pbx-sim sends waiting callers to free agents itself, standing in for the platform's router;
     *                     only takes effect with {@code cti.router.enabled=false} (the router runs by default)
     */
    public record Traffic(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("120") @DecimalMin(value = "0", inclusive = false) @DecimalMax("360000") double callsPerHour,
            @DefaultValue("1") long seed,
            @DefaultValue("0.2") @DecimalMin("0") @DecimalMax("1") double unknownShare,
            @DefaultValue("2001-2010") @Pattern(regexp = "\\d{1,9}-\\d{1,9}",
                    message = "must be a range of extensions such as 2001-2010") String agents,
            @DefaultValue("0.05") @DecimalMin("0") @DecimalMax("1") double noAnswer,
            @DefaultValue("true") boolean autoRoute) {

        public Traffic {
            if (agents != null && agents.matches("\\d{1,9}-\\d{1,9}") && firstAgent(agents) > lastAgent(agents)) {
                throw new IllegalArgumentException("cti.platform.pbx.traffic.agents = " + agents
                        + ": the first extension must not exceed the last");
            }
        }

        int firstAgent() {
            return firstAgent(agents);
        }

        int lastAgent() {
            return lastAgent(agents);
        }

        private static int firstAgent(String range) {
            return Integer.parseInt(range.substring(0, range.indexOf('-')));
        }

        private static int lastAgent(String range) {
            return Integer.parseInt(range.substring(range.indexOf('-') + 1));
        }
    }
}
