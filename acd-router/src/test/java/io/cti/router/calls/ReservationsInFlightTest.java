package io.cti.router.calls;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservationsInFlightTest {

    private final AtomicBoolean lockHeld = new AtomicBoolean(true);
    private final ReservationsInFlight inFlight = new ReservationsInFlight(lockHeld::get);
    private final List<String> takenIn = new ArrayList<>();

    @Test
    void takesInTheAnsweredOnesOldestFirstAndStopsAtTheFirstNotAnswered() {
        AtomicBoolean secondAnswered = new AtomicBoolean(false);
        inFlight.add(() -> true, () -> takenIn.add("first"));
        inFlight.add(secondAnswered::get, () -> takenIn.add("second"));
        inFlight.add(() -> true, () -> takenIn.add("third"));

        inFlight.takeInAnswered();
        assertThat(takenIn).containsExactly("first");

        secondAnswered.set(true);
        inFlight.takeInAnswered();
        assertThat(takenIn).containsExactly("first", "second", "third");
    }

    @Test
    void takesEveryOneInBeforeARedisCommandUnderTheLock() {
        inFlight.add(() -> false, () -> takenIn.add("first"));
        inFlight.add(() -> false, () -> takenIn.add("second"));

        inFlight.beforeCommand();

        assertThat(takenIn).containsExactly("first", "second");
    }

    @Test
    void takesNothingInBeforeACommandOfAThreadWithoutTheLock() {
        inFlight.add(() -> true, () -> takenIn.add("first"));
        lockHeld.set(false);

        inFlight.beforeCommand();

        assertThat(takenIn).isEmpty();
    }

    @Test
    void takingOneInTakesNoOtherInThroughItsOwnCommands() {
        inFlight.add(() -> true, () -> {
            inFlight.beforeCommand();
            takenIn.add("first");
        });
        inFlight.add(() -> true, () -> takenIn.add("second"));

        inFlight.takeInAll();

        assertThat(takenIn).containsExactly("first", "second");
    }

    @Test
    void waitsForTheOldestOnceTheMostInFlightAreUnanswered() {
        for (int i = 0; i < ReservationsInFlight.MOST_IN_FLIGHT; i++) {
            int n = i;
            inFlight.add(() -> false, () -> takenIn.add("r" + n));
        }
        assertThat(takenIn).isEmpty();

        inFlight.add(() -> false, () -> takenIn.add("one more"));

        assertThat(takenIn).containsExactly("r0");
    }

    @Test
    void aFailureTakingOneInStillTakesTheLaterOnesInAndIsToldOnceMoreAtTheNextSettle() {
        IllegalStateException broken = new IllegalStateException("no answer from Redis");
        inFlight.add(() -> true, () -> {
            throw broken;
        });
        inFlight.add(() -> true, () -> takenIn.add("second"));

        assertThatThrownBy(inFlight::takeInAll).isSameAs(broken);
        assertThat(takenIn).containsExactly("second");

        assertThatThrownBy(inFlight::throwKeptFailure).isSameAs(broken);
        inFlight.throwKeptFailure(); // told once
    }

    @Test
    void mayOverlapOnlyDuringAHandlingThatAllowsIt() {
        List<Boolean> seen = new ArrayList<>();
        assertThat(inFlight.mayOverlap()).isFalse();

        inFlight.overlapping(() -> seen.add(inFlight.mayOverlap()));

        assertThat(seen).containsExactly(true);
        assertThat(inFlight.mayOverlap()).isFalse();
    }

    @Test
    void aStaleMoveIsMadeAgainOnceWhenTheRetriesAreDue() {
        inFlight.afterHandling(() -> takenIn.add("again"));

        assertThat(inFlight.followUp()).isTrue();
        assertThat(inFlight.followUp()).isFalse();

        assertThat(takenIn).containsExactly("again");
    }
}
