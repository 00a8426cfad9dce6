package io.cti.pbxsim.traffic;

import java.util.Objects;

/**
 * The callers of one queue: they dial {@code dnis} (a number the dialplan maps to the queue, or an IVR number, then
 * key {@code digits}, or, with {@code ivrChoices}, each caller what they draw from those) at {@code rate}; each waits
 * at most {@code patience} for an agent and, once connected, talks for {@code talk} and hangs up. {@code name} labels
 * the queue in statistics. Immutable.
 */
public record InboundQueue(String name, String dnis, String digits, ArrivalRate rate, Delay patience, Delay talk,
                           IvrChoices ivrChoices) {

    /** How long callers wait for an agent before they give up, unless told otherwise. */
    public static final Delay DEFAULT_PATIENCE = Delay.lognormal(180, 120);
    /** How long callers talk with an agent, unless told otherwise. */
    public static final Delay DEFAULT_TALK = Delay.lognormal(240, 180);

    public InboundQueue {
        Objects.requireNonNull(name, "name");
        if (dnis == null || !dnis.matches("\\+?[0-9]+")) {
            throw new IllegalArgumentException("queue " + name + ": the dialed number must be digits, was " + dnis);
        }
        digits = digits == null ? "" : digits;
        if (!digits.matches("[0-9*#]*")) {
            throw new IllegalArgumentException("queue " + name + ": IVR digits must be 0-9, * or #, were " + digits);
        }
        Objects.requireNonNull(rate, "rate");
        patience = patience == null ? DEFAULT_PATIENCE : patience;
        talk = talk == null ? DEFAULT_TALK : talk;
    }

    /** Callers who all key {@code digits}. */
    public InboundQueue(String name, String dnis, String digits, ArrivalRate rate, Delay patience, Delay talk) {
        this(name, dnis, digits, rate, patience, talk, null);
    }

    /** Callers dialing {@code dnis} at {@code perHour} calls per hour (Poisson). */
    public static InboundQueue poisson(String name, String dnis, double perHour) {
        return new InboundQueue(name, dnis, "", ArrivalRate.poisson(perHour), null, null);
    }

    public InboundQueue withDigits(String newDigits) {
        return new InboundQueue(name, dnis, newDigits, rate, patience, talk, ivrChoices);
    }

    public InboundQueue withRate(ArrivalRate newRate) {
        return new InboundQueue(name, dnis, digits, newRate, patience, talk, ivrChoices);
    }

    public InboundQueue withPatience(Delay newPatience) {
        return new InboundQueue(name, dnis, digits, rate, newPatience, talk, ivrChoices);
    }

    public InboundQueue withTalk(Delay newTalk) {
        return new InboundQueue(name, dnis, digits, rate, patience, newTalk, ivrChoices);
    }

    /** Each caller keys what they draw from {@code choices} instead of {@code digits}. */
    public InboundQueue withIvrChoices(IvrChoices choices) {
        return new InboundQueue(name, dnis, digits, rate, patience, talk, choices);
    }

    /** What one caller keys at the IVR prompt: the fixed digits, or a draw from the choices. */
    String keys(SimRandom random) {
        // No draw without choices, so plans written before IVR choices keep their runs event for event.
        return ivrChoices == null ? digits : ivrChoices.draw(random);
    }
}
