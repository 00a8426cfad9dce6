package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;

import java.time.Duration;

/**
 * How domain commands map onto the platform's dialplan (config/asterisk). Immutable.
 *
 * @param dialString         dial string of an outbound call, with {@code {trunk}} and {@code {number}} placeholders
 *                           (e.g. {@code PJSIP/{number}@{trunk}})
 * @param outboundContext    context an answered outbound call continues in (it runs AMD() and waits for an agent)
 * @param outboundExten      extension in that context
 * @param agentContext       context that dials an agent's phone with a ring timeout (RONA back to waiting)
 * @param agentVariable      channel variable set to the agent id before connecting
 * @param ringTimeoutVariable channel variable set to the ring timeout in seconds before connecting
 * @param amdVariable        channel variable set to 1 on an outbound call that wants AMD, 0 otherwise
 * @param maxOriginateTimeout longest ring time an originate may ask for
 * @param agentDialString    dial string of an agent's phone, with an {@code {extension}} placeholder (e.g.
 *                           {@code PJSIP/{extension}}): where a callback rings first
 * @param callbackContext    context a callback continues in once the agent answered (it dials the customer)
 * @param callbackTrunk      the trunk that context dials the customer through ({@code PJSIP/<number>@<trunk>});
 *                           letters, digits, _ and . only, as the dialplan filters it
 */
public record CallControlSettings(String dialString, String outboundContext, String outboundExten,
                                  String agentContext, String agentVariable, String ringTimeoutVariable,
                                  String amdVariable, Duration maxOriginateTimeout, String agentDialString,
                                  String callbackContext, String callbackTrunk) {

    public CallControlSettings {
        if (dialString == null || !dialString.contains("{number}")) {
            throw BridgeException.invalidSetting("actions.dialString", dialString, "must contain {number}");
        }
        for (String[] named : new String[][]{{"outboundContext", outboundContext}, {"outboundExten", outboundExten},
                {"agentContext", agentContext}, {"agentVariable", agentVariable},
                {"ringTimeoutVariable", ringTimeoutVariable}, {"amdVariable", amdVariable}}) {
            if (named[1] == null || !named[1].matches("[A-Za-z0-9_.+-]{1,80}")) {
                throw BridgeException.invalidSetting("actions." + named[0], named[1],
                        "must be 1-80 letters, digits or _ . + -");
            }
        }
        if (maxOriginateTimeout == null || maxOriginateTimeout.isNegative() || maxOriginateTimeout.isZero()) {
            throw BridgeException.invalidSetting("actions.maxOriginateTimeout", maxOriginateTimeout, "must be positive");
        }
        if (agentDialString == null
                || !agentDialString.matches("[A-Za-z0-9]{1,16}/[A-Za-z0-9_.@+-]*\\{extension}[A-Za-z0-9_.@+-]*")) {
            throw BridgeException.invalidSetting("actions.agentDialString", agentDialString,
                    "must be Tech/... with one {extension}, such as PJSIP/{extension}");
        }
        if (callbackContext == null || !callbackContext.matches("[A-Za-z0-9_.+-]{1,80}")) {
            throw BridgeException.invalidSetting("actions.callbackContext", callbackContext,
                    "must be 1-80 letters, digits or _ . + -");
        }
        if (callbackTrunk == null || !callbackTrunk.matches("[A-Za-z0-9_.]{1,80}")) {
            throw BridgeException.invalidSetting("actions.callbackTrunk", callbackTrunk,
                    "must be 1-80 letters, digits, _ or . (the dialplan filters anything else out of the dial string)");
        }
    }

    /** As before callbacks: callbacks ring {@code PJSIP/<extension>} and dial customers through trunk {@code trunk}. */
    public CallControlSettings(String dialString, String outboundContext, String outboundExten, String agentContext,
                               String agentVariable, String ringTimeoutVariable, String amdVariable,
                               Duration maxOriginateTimeout) {
        this(dialString, outboundContext, outboundExten, agentContext, agentVariable, ringTimeoutVariable, amdVariable,
                maxOriginateTimeout, "PJSIP/{extension}", "cti-callback", "trunk");
    }

    public static CallControlSettings defaults() {
        return new CallControlSettings("PJSIP/{number}@{trunk}", "cti-outbound", "s", "cti-agent-connect",
                "CTI_AGENT", "CTI_RING_TIMEOUT", "CTI_AMD", Duration.ofMinutes(2), "PJSIP/{extension}", "cti-callback",
                "trunk");
    }
}
