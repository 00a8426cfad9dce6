package io.cti.bridge.events;

import io.cti.bridge.BridgeException;
import io.cti.core.ids.QueueName;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How AMI events are read into domain events. Immutable.
 *
 * @param endSettle            how long a call whose channels all hung up stays open for late events before its
 *                             CallEnded is published; must exceed the reordering the link can show (200 ms)
 * @param agentDevicePattern   regular expression of the devices whose states are agent phone states
 * @param defaultQueue         the queue of a caller whose AcdEnter names none (or an unusable one)
 * @param holdingContexts      dialplan contexts in which callers wait; a live call found there on resync is
 *                             announced as arrived
 * @param queueVariable        channel variable holding the queue of a waiting caller, read on resync
 * @param rememberedEndedCalls at most how many ended calls are remembered so their late or duplicated events are
 *                             ignored (a bound on memory at extreme call rates)
 * @param endedCallMemory      how long an ended call is remembered; late events arrive within the link's
 *                             reordering, so minutes are ample, and the memory stops growing once this long has passed
 */
public record TranslatorSettings(Duration endSettle, String agentDevicePattern, QueueName defaultQueue,
                                 Set<String> holdingContexts, String queueVariable, int rememberedEndedCalls,
                                 Duration endedCallMemory) {

    /** The platform dialplan's holding context, where callers wait for an agent (config/asterisk/README.md). */
    public static final String HOLDING_CONTEXT = "cti-hold";
    /** The platform dialplan's channel variable holding a waiting caller's queue. */
    public static final String QUEUE_VARIABLE = "ACD_SKILL";
    /** The platform dialplan's channel variable holding the number a caller dialed (read on resync). */
    public static final String DNIS_VARIABLE = "CTI_DNIS";
    /** The shortest memory of ended calls allowed: far beyond the 200 ms reordering, with room for a slow tick. */
    static final Duration MIN_ENDED_CALL_MEMORY = Duration.ofSeconds(10);
    /** The platform dialplan's channel variable naming a caller's IVR choices (read on resync). */
    public static final String IVR_VARIABLE = "CTI_IVR";

    public TranslatorSettings {
        if (endSettle == null || endSettle.compareTo(Duration.ofMillis(200)) <= 0) {
            throw BridgeException.invalidSetting("events.endSettle", endSettle,
                    "must exceed 200 ms, the reordering a CallEnded must wait out");
        }
        try {
            Pattern.compile(Objects.requireNonNull(agentDevicePattern, "agentDevicePattern"));
        } catch (PatternSyntaxException e) {
            throw BridgeException.invalidSetting("events.agentDevicePattern", agentDevicePattern, e.getDescription());
        }
        Objects.requireNonNull(defaultQueue, "defaultQueue");
        holdingContexts = Set.copyOf(holdingContexts);
        if (queueVariable == null || !queueVariable.matches("[A-Za-z0-9_]{1,80}")) {
            throw BridgeException.invalidSetting("events.queueVariable", queueVariable,
                    "must be a channel variable name (letters, digits, underscore)");
        }
        if (rememberedEndedCalls < 100) {
            throw BridgeException.invalidSetting("events.rememberedEndedCalls", rememberedEndedCalls,
                    "must be at least 100");
        }
        if (endedCallMemory == null || endedCallMemory.compareTo(MIN_ENDED_CALL_MEMORY) < 0) {
            throw BridgeException.invalidSetting("events.endedCallMemory", endedCallMemory,
                    "must be at least " + MIN_ENDED_CALL_MEMORY.toSeconds() + " s, well beyond the link's reordering");
        }
        if (endedCallMemory.compareTo(endSettle) <= 0) {
            throw BridgeException.invalidSetting("events.endedCallMemory", endedCallMemory,
                    "must exceed endSettle (" + endSettle + ")");
        }
    }

    /**
     * Defaults for the platform's dialplan (config/asterisk/extensions_cti.conf): callers wait in {@code cti-hold},
     * their queue is in {@code ACD_SKILL}; SIP phones are agent devices.
     */
    public static TranslatorSettings defaults() {
        return new TranslatorSettings(Duration.ofSeconds(1), "(PJSIP|SIP|IAX2)/[^-]+", QueueName.of("default"),
                Set.of(HOLDING_CONTEXT), QUEUE_VARIABLE, 50_000, Duration.ofMinutes(2));
    }
}
