package io.cti.pbxsim.testing;

import io.cti.pbxsim.testing.SegmentComparator.Order;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparator the replay tests rely on must notice every kind of difference it claims to check. */
class SegmentComparatorTest {

    private static final WireMessage NEWSTATE = message(
            "Event: Newstate", "Channel: Local/100@acd-inbound-00000000;2", "ChannelStateDesc: Up",
            "Uniqueid: 1795598334.1");
    private static final WireMessage HANGUP = message(
            "Event: Hangup", "Channel: Local/100@acd-inbound-00000000;1", "Cause: 16", "Uniqueid: 1795598334.0");

    @Test
    void identicalMessagesAgree() {
        assertThat(compare(List.of(NEWSTATE, HANGUP), List.of(NEWSTATE, HANGUP), Order.STRICT)).isEmpty();
    }

    @Test
    void otherRunIdsAgreeWhenUsedConsistently() {
        WireMessage renumbered = message("Event: Newstate", "Channel: Local/100@acd-inbound-00000007;2",
                "ChannelStateDesc: Up", "Uniqueid: 1800000000.15");
        assertThat(compare(List.of(NEWSTATE), List.of(renumbered), Order.STRICT)).isEmpty();
    }

    @Test
    void oneRecordedIdStandingForTwoDifferentIdsIsADifference() {
        WireMessage first = message("Event: Newstate", "Channel: Local/100@acd-inbound-00000000;2",
                "ChannelStateDesc: Up", "Uniqueid: 1800000000.1");
        WireMessage second = message("Event: Newstate", "Channel: Local/100@acd-inbound-00000000;2",
                "ChannelStateDesc: Up", "Uniqueid: 1800000000.2");
        assertThat(compare(List.of(NEWSTATE, NEWSTATE), List.of(first, second), Order.STRICT)).isNotEmpty();
    }

    @Test
    void aDifferentValueIsADifference() {
        WireMessage otherCause = message("Event: Hangup", "Channel: Local/100@acd-inbound-00000000;1", "Cause: 17",
                "Uniqueid: 1795598334.0");
        assertThat(compare(List.of(HANGUP), List.of(otherCause), Order.STRICT)).singleElement().asString()
                .contains("Cause");
    }

    @Test
    void headersInAnotherOrderAreADifference() {
        WireMessage swapped = message("Event: Hangup", "Channel: Local/100@acd-inbound-00000000;1",
                "Uniqueid: 1795598334.0", "Cause: 16");
        assertThat(compare(List.of(HANGUP), List.of(swapped), Order.STRICT)).singleElement().asString()
                .contains("headers");
    }

    @Test
    void aMissingAndAnExtraMessageAreDifferences() {
        assertThat(compare(List.of(NEWSTATE, HANGUP), List.of(NEWSTATE, NEWSTATE), Order.STRICT))
                .anyMatch(problem -> problem.contains("missing"))
                .anyMatch(problem -> problem.contains("unexpected"));
    }

    @Test
    void anotherOrderIsADifferenceWhenStrictOnly() {
        assertThat(compare(List.of(NEWSTATE, HANGUP), List.of(HANGUP, NEWSTATE), Order.STRICT)).isNotEmpty();
        assertThat(compare(List.of(NEWSTATE, HANGUP), List.of(HANGUP, NEWSTATE), Order.PER_CHANNEL)).isEmpty();
    }

    @Test
    void timestampsOnlyNeedTheRecordedFormat() {
        WireMessage recorded = message("Response: Success", "Ping: Pong", "Timestamp: 1795598333.819459");
        assertThat(compare(List.of(recorded), List.of(message("Response: Success", "Ping: Pong",
                "Timestamp: 1700000000.000001")), Order.STRICT)).isEmpty();
        assertThat(compare(List.of(recorded), List.of(message("Response: Success", "Ping: Pong",
                "Timestamp: 1700000000")), Order.STRICT)).isNotEmpty();
    }

    private static List<String> compare(List<WireMessage> recorded, List<WireMessage> actual, Order order) {
        return new SegmentComparator().compare("t", recorded, actual, order, List.of());
    }

    private static WireMessage message(String... lines) {
        return WireMessage.parse(List.of(lines));
    }
}
