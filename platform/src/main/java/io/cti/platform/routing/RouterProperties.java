package io.cti.platform.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The ACD router's call flow in the platform ({@code cti.router.*}). Immutable.
 *
 * @param enabled            run the router's call flow in this process (also turns pbx-sim's own routing off)
 * @param consumerGroup      the bus group the router's processes share
 * @param keyPrefix          prefix of the router's Redis keys; platforms sharing one Redis need different ones
 * @param tick               the safety-net round: due wrap-ups, lost reservations, routing, figures
 * @param followChanges      how long after one read of the change feed (what the other routers did) the next one
 *                           starts, between the ticks; 0 leaves it to the tick and to the handlings that route
 *                           nothing. Short, so that a move this router sends about an agent is seldom refused as
 *                           stale, and a handling that routes nothing need not read the feed itself
 * @param reservationTimeout how long a reservation waits for the agent's phone to ring
 * @param ringMargin         how much longer than the queue's ring timeout a ringing reservation is held
 * @param timeZone           the call center's time zone, such as {@code Asia/Shanghai}: "today" of the queue and
 *                           agent figures (calls handled today, service level today) starts at midnight there;
 *                           unset, the system's zone
 * @param priority           points per grade, VIP bonus, unknown callers, aging per second
 * @param callbacks          how callbacks (virtual hold and scheduled) are made
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
        @DefaultValue("20ms") @NotNull Duration followChanges,
        @DefaultValue("10s") @NotNull Duration reservationTimeout,
        @DefaultValue("15s") @NotNull Duration ringMargin,
        ZoneId timeZone,
        @DefaultValue @NotNull @Valid Priority priority,
        @DefaultValue @NotNull @Valid Callbacks callbacks,
        Long randomSeed,
        @DefaultValue("5m") @NotNull Duration boardResync,
        @DefaultValue @NotNull @Valid Demo demo) {

    public RouterProperties {
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
        if (followChanges != null && !followChanges.isZero()
                && followChanges.compareTo(ChangeFollower.SHORTEST) < 0) {
            throw new IllegalArgumentException("cti.router.follow-changes must be 0 (off) or at least "
                    + ChangeFollower.SHORTEST.toMillis() + " ms: " + followChanges);
        }
    }

    /** The priority policy's points (see io.cti.router.routing.PrioritySettings). */
    public record Priority(@DefaultValue("300") double gradeA, @DefaultValue("200") double gradeB,
                           @DefaultValue("100") double gradeC, @DefaultValue("0") double gradeD,
                           @DefaultValue("200") double vipBonus, @DefaultValue("100") double unknownCaller,
                           @DefaultValue("1") double agingPerSecond) {
    }

    /**
     * Callbacks ({@code cti.router.callbacks.*}, io.cti.router.callbacks.CallbackSettings): a caller who chose
     * "call me back" keeps their place; a callback an agent or the API scheduled is routed when due.
     *
     * @param maxAttempts dials of the customer before a callback is given up (1-20)
     * @param retryAfter  the wait before the next dial after one that did not reach the customer
     * @param dialTimeout how long the customer's phone rings on each dial (at most 2 minutes)
     * @param maxAhead    how far ahead a callback may be scheduled; later dates are refused
     * @param callerId    the number the customer sees; empty: the number they called, when known
     * @param claimBatch  how many due callbacks one round puts in their queues at most
     * @param stuckAfter  a callback claimed by a router that stopped before queueing it is offered again after this
     */
    public record Callbacks(@DefaultValue("3") int maxAttempts, @DefaultValue("10m") @NotNull Duration retryAfter,
                            @DefaultValue("30s") @NotNull Duration dialTimeout,
                            @DefaultValue("365d") @NotNull Duration maxAhead,
                            @DefaultValue("") @Pattern(regexp = "|\\+?[0-9]{2,20}",
                                    message = "must be digits with an optional leading + (or empty)") String callerId,
                            @DefaultValue("100") int claimBatch, @DefaultValue("2m") @NotNull Duration stuckAfter) {

        public Callbacks {
            // The router's own rules, now: a bad value stops the start naming the property.
            settings(maxAttempts, retryAfter, dialTimeout, maxAhead, callerId, claimBatch, stuckAfter);
        }

        public io.cti.router.callbacks.CallbackSettings toSettings() {
            return settings(maxAttempts, retryAfter, dialTimeout, maxAhead, callerId, claimBatch, stuckAfter);
        }

        private static io.cti.router.callbacks.CallbackSettings settings(int maxAttempts, Duration retryAfter,
                                                                         Duration dialTimeout, Duration maxAhead,
                                                                         String callerId, int claimBatch,
                                                                         Duration stuckAfter) {
            return new io.cti.router.callbacks.CallbackSettings(maxAttempts, retryAfter, dialTimeout, maxAhead,
                    callerId == null ? "" : callerId, claimBatch, stuckAfter);
        }
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
