package io.cti.bridge.events;

import io.cti.bridge.testing.RecordedEvents;
import io.cti.core.messages.DomainEvent;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translation does not depend on event order within 200 ms and ignores duplicates: the recording replayed
 * with its events shuffled inside 200 ms windows and 5% of them delivered twice leaves the platform in exactly
 * the state the ordered replay leaves it in.
 */
class ShuffledReplayProperties {

    private static final Duration WINDOW = Duration.ofMillis(200);
    private static List<RecordedEvents.Timed> recording;
    private static PlatformView ordered;

    @BeforeContainer
    static void replayInOrder() {
        recording = new ArrayList<>(RecordedEvents.of("ami-transcript.txt", "main"));
        recording.addAll(RecordedEvents.of("ami-transcript-sipp.txt", "sip").stream()
                .map(timed -> new RecordedEvents.Timed(timed.at().plusSeconds(600), timed.event())).toList());
        ordered = replay(windows(recording, new Random(0), false));
    }

    @Property(tries = 40)
    void shuffledWithin200msAndDuplicatedEndsInTheSameState(@ForAll long seed) {
        PlatformView shuffled = replay(windows(recording, new Random(seed), true));

        assertThat(shuffled).isEqualTo(ordered);
    }

    @Example
    void theOrderedReplayCoversEveryKindOfCallFact() {
        assertThat(ordered.facts().keySet()).filteredOn(fact -> fact.startsWith("CallArrived")).hasSize(5);
        assertThat(ordered.facts().keySet()).filteredOn(fact -> fact.startsWith("AgentLegRinging")).hasSize(3);
        assertThat(ordered.facts().keySet()).filteredOn(fact -> fact.startsWith("CallConnected")).hasSize(3);
        assertThat(ordered.facts().keySet()).filteredOn(fact -> fact.startsWith("CallEnded")).hasSize(7);
        assertThat(ordered.facts().keySet()).filteredOn(fact -> fact.startsWith("OriginateResult")).hasSize(10);
        assertThat(ordered.phones()).containsEntry("Local/2001@fake-agent", "NOT_INUSE");
    }

    /** Cuts the recording into 200 ms windows; optionally shuffles each and delivers 5% of its events twice. */
    private static List<List<RecordedEvents.Timed>> windows(List<RecordedEvents.Timed> events, Random random,
                                                            boolean disorder) {
        List<List<RecordedEvents.Timed>> windows = new ArrayList<>();
        Instant windowEnd = null;
        for (RecordedEvents.Timed event : events) {
            if (windowEnd == null || !event.at().isBefore(windowEnd)) {
                windows.add(new ArrayList<>());
                windowEnd = event.at().plus(WINDOW);
            }
            List<RecordedEvents.Timed> window = windows.get(windows.size() - 1);
            window.add(event);
            if (disorder && random.nextInt(100) < 5) {
                window.add(event);
            }
        }
        if (disorder) {
            windows.forEach(window -> Collections.shuffle(window, random));
        }
        return windows;
    }

    private static PlatformView replay(List<List<RecordedEvents.Timed>> windows) {
        List<DomainEvent> out = new ArrayList<>();
        AmiEventTranslator translator = Translators.recorded(out::add);
        Instant last = RecordedEvents.START;
        for (List<RecordedEvents.Timed> window : windows) {
            for (RecordedEvents.Timed timed : window) {
                translator.onEvent(timed.event(), timed.at());
                last = timed.at().isAfter(last) ? timed.at() : last;
            }
            translator.tick(last);
        }
        translator.tick(last.plusSeconds(60));
        return PlatformView.of(out);
    }
}
