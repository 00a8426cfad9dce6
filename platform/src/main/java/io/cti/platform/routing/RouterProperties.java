package io.cti.platform.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The ACD router's call flow in the platform ({@code cti.router.*}). Immutable.
 *
 * @param enabled            run the router's call flow in this process (also turns pbx-sim's own routing off)
 * @param consumerGroup      the bus group the router's processes share
 * @param keyPrefix          prefix of the router's Redis keys; platforms sharing one Redis need different ones
 * @param tick               the safety-net round: due wrap-ups, lost reservations, routing, figures
 * @param reservationTimeout how long a reservation waits for the agent's phone to ring
 * @param ringMargin         how much longer than the queue's ring timeout a ringing reservation is held
 * @param priority           points per grade, VIP bonus, unknown callers, aging per second
 * @param randomSeed         seeds the RANDOM strategy's draws so its choices can be replayed; unset: a seed is
 *                           drawn at start and logged
 * @param boardResync        how often the router reads its routing board from Redis in full, besides following the
 *                           change feed (a safety net)
 * @param demo               the demo queues, agents and agent bots
 */
@Validated
@ConfigurationProperties("cti.router")
public record RouterProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("acd-router") @NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String consumerGroup,
        @DefaultValue("cti:router:") @NotBlank @Pattern(regexp = "\\S{1,64}") String keyPrefix,
        @DefaultValue("1s") @NotNull Duration tick,
        @DefaultValue("10s") @NotNull Duration reservationTimeout,
        @DefaultValue("15s") @NotNull Duration ringMargin,
        @DefaultValue @NotNull @Valid Priority priority,
        Long randomSeed,
        @DefaultValue("5m") @NotNull Duration boardResync,
        @DefaultValue @NotNull @Valid Demo demo) {

    /** The priority policy's points (see io.cti.router.routing.PrioritySettings). */
    public record Priority(@DefaultValue("300") double gradeA, @DefaultValue("200") double gradeB,
                           @DefaultValue("100") double gradeC, @DefaultValue("0") double gradeD,
                           @DefaultValue("200") double vipBonus, @DefaultValue("100") double unknownCaller,
                           @DefaultValue("1") double agingPerSecond) {
    }

    /**
     * @param enabled        load the demo queues and agents into empty tables on start, and run the agent bots
     * @param bots           demo agents that log in and complete their wrap-ups on their own
     * @param wrapUpAfter    how long a bot takes to write its disposition
     * @param readyAfterRona how long a bot stays Not ready after letting a call ring out
     */
    public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean bots,
                       @DefaultValue("4s") @NotNull Duration wrapUpAfter,
                       @DefaultValue("10s") @NotNull Duration readyAfterRona) {
    }
}
