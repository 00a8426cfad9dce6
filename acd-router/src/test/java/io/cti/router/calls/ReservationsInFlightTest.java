package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservationsInFlightTest {

    private static final AgentId ALICE = AgentId.of("alice");
    private static final AgentId BOB = AgentId.of("bob");

    private final AtomicBoolean lockHeld = new AtomicBoolean(true);
    private final ReservationsInFlight inFlight = new ReservationsInFlight(lockHeld::get);
    private final List<String> happened = new ArrayList<>();

    @Test
    void takesInTheAnsweredOnesOldestFirstAndStopsAtTheFirstNotAnswered() {
        AtomicBoolean secondAnswered = new AtomicBoolean(false);
        inFlight.add(ALICE, () -> true, () -> happened.add("first"));
        inFlight.add(BOB, secondAnswered::get, () -> happened.add("second"));
        inFlight.add(ALICE, () -> true, () -> happened.add("third"));

        inFlight.takeInAnswered();
        assertThat(happened).containsExactly("first");

        secondAnswered.set(true);
        inFlight.takeInAnswered();
        assertThat(happened).containsExactly("first", "second", "third");
    }

    @Test
    void saysWhetherAnyScriptIsInFlightUntilTheLastIsTakenIn() {
        assertThat(inFlight.anyInFlight()).isFalse();
        inFlight.add(ALICE, () -> true, () -> happened.add("first"));
        inFlight.add(BOB, () -> false, () -> happened.add("second"));
        assertThat(inFlight.anyInFlight()).isTrue();

        inFlight.takeInAnswered();
        assertThat(inFlight.anyInFlight()).isTrue();

        inFlight.takeInAll();
        assertThat(inFlight.anyInFlight()).isFalse();
    }

    @Test
    void takesEveryOneInBeforeARedisCommandUnderTheLock() {
        inFlight.add(ALICE, () -> false, () -> happened.add("first"));
        inFlight.add(BOB, () -> false, () -> happened.add("second"));

        inFlight.beforeCommand();

        assertThat(happened).containsExactly("first", "second");
    }

    @Test
    void takesNothingInBeforeACommandOfAThreadWithoutTheLock() {
        inFlight.add(ALICE, () -> true, () -> happened.add("first"));
        lockHeld.set(false);

        inFlight.beforeCommand();

        assertThat(happened).isEmpty();
    }

    @Test
    void takingOneInTakesNoOtherInThroughItsOwnCommands() {
        inFlight.add(ALICE, () -> true, () -> {
            inFlight.beforeCommand();
            happened.add("first");
        });
        inFlight.add(BOB, () -> true, () -> happened.add("second"));

        inFlight.takeInAll();

        assertThat(happened).containsExactly("first", "second");
    }

    @Test
    void beforeAnAgentIsMovedWhatWasSentAboutThemIsTakenInAndFollowedUpFirst() {
        inFlight.add(ALICE, () -> false, () -> {
            happened.add("alice's move taken in");
            inFlight.afterHandling(ALICE, () -> happened.add("alice's move made again"));
        });
        inFlight.add(BOB, () -> false, () -> {
            happened.add("bob's move taken in");
            inFlight.afterHandling(BOB, () -> happened.add("bob's move made again"));
        });

        inFlight.beforeMoving(ALICE);

        assertThat(happened).containsExactly("alice's move taken in", "alice's move made again");
        inFlight.beforeMoving(BOB);
        assertThat(happened).endsWith("bob's move taken in", "bob's move made again");
    }

    @Test
    void aFollowUpMovingItsOwnAgentDoesNotWaitForItself() {
        inFlight.afterHandling(ALICE, () -> {
            inFlight.beforeMoving(ALICE);
            happened.add("moved again");
        });

        assertThat(inFlight.followUp()).isTrue();

        assertThat(happened).containsExactly("moved again");
        assertThat(inFlight.followUp()).isFalse();
    }

    @Test
    void followUpsSendNothingWithoutWaiting() {
        List<Boolean> mayOverlap = new ArrayList<>();
        inFlight.afterHandling(ALICE, () -> mayOverlap.add(inFlight.mayOverlap()));

        inFlight.overlapping(inFlight::followUp);

        assertThat(mayOverlap).containsExactly(false);
    }

    @Test
    void makingRoomTakesInTheOldestOnceTheMostInFlightAreUnanswered() {
        for (int i = 0; i < ReservationsInFlight.MOST_IN_FLIGHT; i++) {
            int n = i;
            inFlight.add(ALICE, () -> false, () -> happened.add("r" + n));
        }
        assertThat(happened).isEmpty();

        inFlight.makeRoom();

        assertThat(happened).containsExactly("r0");
    }

    @Test
    void aFailureTakingOneInStillTakesTheLaterOnesInAndIsKeptForTheSettle() {
        IllegalStateException broken = new IllegalStateException("no answer from Redis");
        inFlight.add(ALICE, () -> true, () -> {
            throw broken;
        });
        inFlight.add(BOB, () -> true, () -> happened.add("second"));

        assertThatThrownBy(inFlight::takeInAll).isSameAs(broken);
        assertThat(happened).containsExactly("second");

        assertThat(inFlight.takeKeptFailure()).isSameAs(broken);
        assertThat(inFlight.takeKeptFailure()).isNull();
    }

    @Test
    void aFailingFollowUpLeavesNoOtherUndoneAndIsKeptForTheSettle() {
        IllegalStateException broken = new IllegalStateException("Redis went away");
        inFlight.afterHandling(ALICE, () -> {
            throw broken;
        });
        inFlight.afterHandling(BOB, () -> happened.add("bob's follow-up"));

        assertThatThrownBy(inFlight::followUp).isSameAs(broken);

        assertThat(happened).containsExactly("bob's follow-up");
        assertThat(inFlight.takeKeptFailure()).isSameAs(broken);
    }

    @Test
    void mayOverlapOnlyDuringAHandlingThatAllowsIt() {
        List<Boolean> seen = new ArrayList<>();
        assertThat(inFlight.mayOverlap()).isFalse();

        inFlight.overlapping(() -> seen.add(inFlight.mayOverlap()));

        assertThat(seen).containsExactly(true);
        assertThat(inFlight.mayOverlap()).isFalse();
    }
}
