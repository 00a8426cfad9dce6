package io.cti.bridge.events;

import io.cti.bridge.testing.Facts;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.DomainEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.cti.bridge.testing.AmiFrames.channel;
import static io.cti.bridge.testing.AmiFrames.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The dialplan's AcdRona notices: the only word of an unreachable phone, and never a second word of a missed one. */
class RonaNoticesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final String CUSTOMER = "PJSIP/carrier-00000001";
    private static final String AGENT = "PJSIP/2001-00000002";

    private final List<DomainEvent> out = new ArrayList<>();
    private final AmiEventTranslator translator = new AmiEventTranslator(TranslatorSettings.defaults(), out::add,
            new SimpleMeterRegistry());

    @Test
    void anUnreachableAgentPhoneIsToldUnansweredOnceTheCallsSettleTimeHasPassed() {
        arrive();
        feed(rona("2001", "CHANUNAVAIL"));
        translator.tick(T0.plusMillis(500));
        assertThat(out).noneMatch(AgentLegUnanswered.class::isInstance);

        translator.tick(T0.plusSeconds(2));

        assertThat(unanswered()).singleElement().satisfies(rona -> {
            assertThat(rona.endpoint()).isEqualTo("PJSIP/2001");
            assertThat(rona.channel()).isEqualTo("PJSIP/2001");
            assertThat(rona.dialStatus()).isEqualTo("CHANUNAVAIL");
        });
    }

    @Test
    void aPhoneThatRangOutIsToldOnceWhenAcdRonaFollowsDialEnd() {
        arrive();
        feed(dialBegin());
        feed(dialEnd("NOANSWER"));
        feed(rona("2001", "NOANSWER"));
        translator.tick(T0.plusSeconds(5));

        assertThat(Facts.of(out)).filteredOn(fact -> fact.startsWith("AgentLeg"))
                .containsExactly("AgentLegRinging[callId=1.1, endpoint=PJSIP/2001, channel=" + AGENT + "]",
                        "AgentLegUnanswered[callId=1.1, endpoint=PJSIP/2001, channel=" + AGENT + ", dialStatus=NOANSWER]");
    }

    @Test
    void aPhoneThatRangOutIsToldOnceWhenAcdRonaOvertakesDialEnd() {
        arrive();
        feed(dialBegin());
        feed(rona("2001", "NOANSWER"));
        feed(dialEnd("NOANSWER"));
        translator.tick(T0.plusSeconds(5));

        assertThat(unanswered()).singleElement().extracting(AgentLegUnanswered::channel).isEqualTo(AGENT);
    }

    @Test
    void anAcdRonaThatOvertakesItsDialBeginBelongsToThatLegAndIsNotToldAsAnUnreachablePhone() {
        arrive();
        feed(rona("2001", "NOANSWER"));
        feed(dialBegin());
        feed(dialEnd("NOANSWER"));
        translator.tick(T0.plusSeconds(5));

        assertThat(unanswered()).singleElement().extracting(AgentLegUnanswered::channel).isEqualTo(AGENT);
    }

    @Test
    void eachMissedAttemptOnTheSameAgentIsToldOnce() {
        arrive();
        feed(dialBegin());
        feed(dialEnd("NOANSWER"));
        feed(rona("2001", "NOANSWER"));
        feed(rona("2001", "CHANUNAVAIL"));
        translator.tick(T0.plusSeconds(5));

        assertThat(unanswered()).extracting(AgentLegUnanswered::dialStatus).containsExactly("NOANSWER", "CHANUNAVAIL");
    }

    @Test
    void anAcdRonaForACallNeverSeenIsIgnored() {
        feed(rona("2001", "CHANUNAVAIL"));
        translator.tick(T0.plusSeconds(5));

        assertThat(out).isEmpty();
    }

    private List<AgentLegUnanswered> unanswered() {
        return out.stream().filter(AgentLegUnanswered.class::isInstance).map(AgentLegUnanswered.class::cast).toList();
    }

    private void arrive() {
        feed(event(channel("Newchannel", CUSTOMER, "1.1", "1.1")));
        feed(event(channel("UserEvent", CUSTOMER, "1.1", "1.1", "UserEvent: AcdEnter", "Skill: support")));
    }

    private static ManagerEvent rona(String agent, String status) {
        return event(channel("UserEvent", CUSTOMER, "1.1", "1.1", "UserEvent: AcdRona", "CallId: 1.1",
                "Agent: " + agent, "Skill: support", "DialStatus: " + status));
    }

    private static ManagerEvent dialBegin() {
        return event(channel("DialBegin", CUSTOMER, "1.1", "1.1", "DestChannel: " + AGENT, "DestUniqueid: 1.2",
                "DestLinkedid: 1.1", "DialString: 2001"));
    }

    private static ManagerEvent dialEnd(String status) {
        return event(channel("DialEnd", CUSTOMER, "1.1", "1.1", "DestChannel: " + AGENT, "DestUniqueid: 1.2",
                "DestLinkedid: 1.1", "DialStatus: " + status));
    }

    private void feed(ManagerEvent event) {
        translator.onEvent(event, T0);
    }
}
