package io.cti.router.queues;

import io.cti.core.customers.FieldError;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.routing.RoutingStrategy;
import io.cti.router.skills.SkillRequirement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static io.cti.router.queues.TestQueues.move;
import static io.cti.router.queues.TestQueues.skill;
import static io.cti.router.queues.TestQueues.widen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class QueueValidatorTest {

    /** The queues that exist and are active while these drafts are checked. */
    private static final Predicate<QueueName> ACTIVE = q -> Set.of("support", "sales").contains(q.value());

    private final QueueValidator validator = new QueueValidator();

    @Test
    void aCompleteDraftBecomesTheDefinitionItDescribes() {
        TestQueues.Builder draft = TestQueues.valid("billing");
        draft.overflow.add(move(200, "support"));

        QueueDefinition queue = validator.validate(draft.build(), ACTIVE);

        assertThat(queue.name()).isEqualTo(QueueName.of("billing"));
        assertThat(queue.displayName()).isEqualTo("Test queue");
        assertThat(queue.skills()).containsExactly(SkillRequirement.of("english", 3), SkillRequirement.of("sales", 5));
        assertThat(queue.serviceLevel()).isEqualTo(new ServiceLevelTarget(80, Duration.ofSeconds(20)));
        assertThat(queue.shortAbandon()).isEqualTo(Duration.ofSeconds(5));
        assertThat(queue.maxWait()).isEqualTo(Duration.ofSeconds(300));
        assertThat(queue.overflow()).containsExactly(
                new OverflowStep(Duration.ofSeconds(60), new OverflowAction.WidenSkills(List.of(SkillRequirement.of("sales", 3)))),
                new OverflowStep(Duration.ofSeconds(120), new OverflowAction.WidenSkills(List.of(SkillRequirement.of("sales", 1)))),
                new OverflowStep(Duration.ofSeconds(200), new OverflowAction.MoveToQueue(QueueName.of("support"))));
        assertThat(queue.callbackOffered()).isTrue();
        assertThat(queue.strategy()).isEqualTo(RoutingStrategy.SKILL_WEIGHTED);
        assertThat(queue.stickyWait()).isEqualTo(Duration.ofSeconds(15));
        assertThat(queue.ringTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(queue.wrapUp()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void absentOptionalValuesTakeTheDocumentedDefaults() {
        QueueDraft draft = new QueueDraft("plain", null, null, new QueueDraft.ServiceLevelDraft(80, 20), null, 300,
                null, null, null, null, null, null);

        QueueDefinition queue = validator.validate(draft, ACTIVE);

        assertThat(queue.displayName()).isEqualTo("plain");
        assertThat(queue.skills()).isEmpty();
        assertThat(queue.overflow()).isEmpty();
        assertThat(queue.shortAbandon()).isEqualTo(Duration.ofSeconds(QueueValidator.DEFAULT_SHORT_ABANDON_SECONDS));
        assertThat(queue.strategy()).isEqualTo(QueueValidator.DEFAULT_STRATEGY);
        assertThat(queue.stickyWait()).isZero();
        assertThat(queue.ringTimeout()).isEqualTo(Duration.ofSeconds(QueueValidator.DEFAULT_RING_TIMEOUT_SECONDS));
        assertThat(queue.wrapUp()).isEqualTo(Duration.ofSeconds(QueueValidator.DEFAULT_WRAP_UP_SECONDS));
        assertThat(queue.callbackOffered()).isFalse();
    }

    @Test
    void everyErrorIsListedAtOnceWithItsFieldPath() {
        TestQueues.Builder draft = TestQueues.valid("Bad Name");
        draft.serviceLevel = new QueueDraft.ServiceLevelDraft(0, 0);
        draft.strategy = "fastest";
        draft.ringTimeoutSeconds = 3;
        draft.overflow.set(1, widen(30, skill("sales", 1)));

        List<FieldError> errors = errors(draft);

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("name", "serviceLevel.percent",
                "serviceLevel.withinSeconds", "strategy", "ringTimeoutSeconds", "overflow[1].afterSeconds");
    }

    @Test
    void theErrorIdIsInvalidQueue() {
        assertThatThrownBy(() -> validator.validate(TestQueues.valid(null).build(), ACTIVE))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.errorId()).isEqualTo("invalid-queue"));
    }

    @Test
    void aMissingDraftIsRequired() {
        RouterException.InvalidInput e = catchThrowableOfType(RouterException.InvalidInput.class, () -> validator.validate(null, ACTIVE));

        assertThat(e.fieldErrors()).extracting(FieldError::code).containsExactly("required");
    }

    @Test
    void theNameIsRequired() {
        assertThat(only(TestQueues.valid(null))).isEqualTo(new Error("name", "required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sales", "sales queue", "1sales", "-sales", "sales/eu", "sales\n", "ventas-ñ"})
    void theNameIsLowerCaseLettersDigitsDashesAndUnderscoresStartingWithALetter(String name) {
        assertThat(only(TestQueues.valid(name))).isEqualTo(new Error("name", "invalid-name"));
    }

    @Test
    void theNameIsAtMostSixtyFourCharacters() {
        assertThat(validator.validate(TestQueues.valid("q".repeat(64)).build(), ACTIVE).name().value()).hasSize(64);
        assertThat(only(TestQueues.valid("q".repeat(65)))).isEqualTo(new Error("name", "invalid-name"));
    }

    @Test
    void theDisplayNameMustNotHoldControlCharacters() {
        TestQueues.Builder draft = TestQueues.valid("display");
        draft.displayName = "Sales\r\nQueue";

        assertThat(only(draft)).isEqualTo(new Error("displayName", "control-character"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101, -5})
    void theServiceLevelPercentIsOneToHundred(int percent) {
        TestQueues.Builder draft = TestQueues.valid("percent");
        draft.serviceLevel = new QueueDraft.ServiceLevelDraft(percent, 20);

        assertThat(only(draft)).isEqualTo(new Error("serviceLevel.percent", "out-of-range"));
    }

    @Test
    void theServiceLevelTimeIsPositive() {
        TestQueues.Builder draft = TestQueues.valid("within");
        draft.serviceLevel = new QueueDraft.ServiceLevelDraft(80, 0);

        assertThat(only(draft)).isEqualTo(new Error("serviceLevel.withinSeconds", "out-of-range"));
    }

    @Test
    void theServiceLevelTimeCannotExceedTheMaximumWait() {
        TestQueues.Builder draft = TestQueues.valid("within-max");
        draft.serviceLevel = new QueueDraft.ServiceLevelDraft(80, 301);

        assertThat(only(draft)).isEqualTo(new Error("serviceLevel.withinSeconds", "beyond-max-wait"));
    }

    @Test
    void theServiceLevelIsRequired() {
        TestQueues.Builder draft = TestQueues.valid("no-target");
        draft.serviceLevel = null;

        assertThat(only(draft)).isEqualTo(new Error("serviceLevel", "required"));
    }

    @Test
    void theMaximumWaitIsRequiredAndPositive() {
        TestQueues.Builder missing = TestQueues.valid("no-max");
        missing.maxWaitSeconds = null;
        TestQueues.Builder zero = TestQueues.valid("zero-max");
        zero.maxWaitSeconds = 0;

        assertThat(errors(missing)).extracting(FieldError::field, FieldError::code).contains(org.assertj.core.groups.Tuple.tuple("maxWaitSeconds", "required"));
        assertThat(errors(zero)).extracting(FieldError::field, FieldError::code).contains(org.assertj.core.groups.Tuple.tuple("maxWaitSeconds", "out-of-range"));
    }

    @Test
    void theShortAbandonThresholdIsNotNegative() {
        TestQueues.Builder draft = TestQueues.valid("short-negative");
        draft.shortAbandonSeconds = -1;

        assertThat(only(draft)).isEqualTo(new Error("shortAbandonSeconds", "out-of-range"));
    }

    @Test
    void theShortAbandonThresholdIsBelowTheMaximumWait() {
        TestQueues.Builder draft = TestQueues.valid("short-long");
        draft.shortAbandonSeconds = 300;

        assertThat(only(draft)).isEqualTo(new Error("shortAbandonSeconds", "not-below-max-wait"));
    }

    @Test
    void overflowStepsComeStrictlyLaterOneAfterAnother() {
        TestQueues.Builder draft = TestQueues.valid("steps-order");
        draft.overflow.set(1, widen(60, skill("sales", 1)));

        assertThat(only(draft)).isEqualTo(new Error("overflow[1].afterSeconds", "not-increasing"));
    }

    @Test
    void anOverflowStepComesBeforeTheMaximumWait() {
        TestQueues.Builder draft = TestQueues.valid("steps-late");
        draft.overflow.set(1, widen(300, skill("sales", 1)));

        assertThat(only(draft)).isEqualTo(new Error("overflow[1].afterSeconds", "not-below-max-wait"));
    }

    @Test
    void anOverflowStepNeedsItsTime() {
        TestQueues.Builder draft = TestQueues.valid("steps-time");
        draft.overflow.set(0, widen(null, skill("sales", 3)));

        assertThat(only(draft)).isEqualTo(new Error("overflow[0].afterSeconds", "required"));
    }

    @Test
    void anOverflowStepEitherWidensOrMovesExactlyOne() {
        TestQueues.Builder draft = TestQueues.valid("steps-action");
        draft.overflow.set(0, new QueueDraft.OverflowDraft(60, List.of(skill("sales", 3)), "support"));
        draft.overflow.set(1, new QueueDraft.OverflowDraft(120, null, null));

        assertThat(errors(draft)).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("overflow[0]", "one-action"), org.assertj.core.groups.Tuple.tuple("overflow[1]", "one-action"));
    }

    @Test
    void moveToMustNameAnExistingActiveQueue() {
        TestQueues.Builder draft = TestQueues.valid("steps-target");
        draft.overflow.add(move(200, "nowhere"));

        assertThat(only(draft)).isEqualTo(new Error("overflow[2].moveTo", "no-such-queue"));
    }

    @Test
    void aQueueCannotOverflowIntoItself() {
        TestQueues.Builder draft = TestQueues.valid("sales");
        draft.overflow.add(move(200, "sales"));

        assertThat(only(draft)).isEqualTo(new Error("overflow[2].moveTo", "self"));
    }

    @Test
    void noStepCanFollowAMoveToAnotherQueue() {
        TestQueues.Builder draft = TestQueues.valid("steps-after-move");
        draft.overflow.set(0, move(60, "support"));

        assertThat(only(draft)).isEqualTo(new Error("overflow[1]", "after-move"));
    }

    @Test
    void wideningCannotRaiseAMinimumOrAddASkill() {
        TestQueues.Builder draft = TestQueues.valid("steps-narrow");
        draft.overflow.set(0, widen(60, skill("sales", 6)));
        draft.overflow.set(1, widen(120, skill("sales", 1), skill("mandarin", 1)));

        assertThat(errors(draft)).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("overflow[0].widenTo[0]", "not-wider"),
                org.assertj.core.groups.Tuple.tuple("overflow[1].widenTo[0]", "not-wider"));
    }

    @Test
    void wideningToNoSkillsAtAllIsAllowed() {
        TestQueues.Builder draft = TestQueues.valid("steps-anyone");
        draft.overflow.set(1, widen(120));

        assertThat(validator.validate(draft.build(), ACTIVE).overflow().get(1).action())
                .isEqualTo(new OverflowAction.WidenSkills(List.of()));
    }

    @Test
    void aSkillCannotBeListedTwice() {
        TestQueues.Builder draft = TestQueues.valid("dup-skill");
        draft.skills.add(skill(" Sales ", 2));

        assertThat(only(draft)).isEqualTo(new Error("skills[2].skill", "duplicate"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void aMinimumProficiencyIsOneToTen(int minimum) {
        TestQueues.Builder draft = TestQueues.valid("proficiency");
        draft.skills.set(1, skill("english", minimum));

        assertThat(only(draft)).isEqualTo(new Error("skills[1].minimum", "out-of-range"));
    }

    @Test
    void aSkillNeedsAValidNameAndAMinimum() {
        TestQueues.Builder draft = TestQueues.valid("skill-shape");
        draft.skills = new ArrayList<>(List.of(skill("sales", 5), skill("9lives", 3), skill("english", null), skill(null, 2)));
        draft.overflow = new ArrayList<>();

        assertThat(errors(draft)).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("skills[1].skill", "invalid-skill"),
                org.assertj.core.groups.Tuple.tuple("skills[2].minimum", "required"),
                org.assertj.core.groups.Tuple.tuple("skills[3].skill", "required"));
    }

    @Test
    void skillsAreReadAsTypedAndKeptSortedByName() {
        TestQueues.Builder draft = TestQueues.valid("sorted");
        draft.skills = new ArrayList<>(List.of(skill("Sales", 5), skill("billing", 2)));
        draft.overflow = new ArrayList<>();

        assertThat(validator.validate(draft.build(), ACTIVE).skills())
                .containsExactly(SkillRequirement.of("billing", 2), SkillRequirement.of("sales", 5));
    }

    @Test
    void anUnknownStrategyIsRefused() {
        TestQueues.Builder draft = TestQueues.valid("strategy");
        draft.strategy = "ringall";

        assertThat(only(draft)).isEqualTo(new Error("strategy", "unknown-value"));
    }

    @Test
    void aStrategyIsReadCaseInsensitivelyWithDashes() {
        TestQueues.Builder draft = TestQueues.valid("strategy-typed");
        draft.strategy = "round-robin";

        assertThat(validator.validate(draft.build(), ACTIVE).strategy()).isEqualTo(RoutingStrategy.ROUND_ROBIN);
    }

    @Test
    void theRingTimeoutIsFiveToHundredTwentySeconds() {
        for (int ok : new int[]{5, 120}) {
            TestQueues.Builder draft = TestQueues.valid("ring-ok");
            draft.ringTimeoutSeconds = ok;
            assertThat(validator.validate(draft.build(), ACTIVE).ringTimeout()).isEqualTo(Duration.ofSeconds(ok));
        }
        for (int wrong : new int[]{4, 121}) {
            TestQueues.Builder draft = TestQueues.valid("ring-wrong");
            draft.ringTimeoutSeconds = wrong;
            assertThat(only(draft)).as("" + wrong).isEqualTo(new Error("ringTimeoutSeconds", "out-of-range"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 601})
    void theWrapUpIsZeroToSixHundredSeconds(int wrapUp) {
        TestQueues.Builder draft = TestQueues.valid("wrap");
        draft.wrapUpSeconds = wrapUp;

        assertThat(only(draft)).isEqualTo(new Error("wrapUpSeconds", "out-of-range"));
    }

    @Test
    void theStickyWaitIsNotNegativeAndBelowTheMaximumWait() {
        TestQueues.Builder negative = TestQueues.valid("sticky-negative");
        negative.stickyWaitSeconds = -1;
        TestQueues.Builder tooLong = TestQueues.valid("sticky-long");
        tooLong.stickyWaitSeconds = 300;

        assertThat(only(negative)).isEqualTo(new Error("stickyWaitSeconds", "out-of-range"));
        assertThat(only(tooLong)).isEqualTo(new Error("stickyWaitSeconds", "not-below-max-wait"));
    }

    @Test
    void aNullEntryInAListIsReportedAtItsIndex() {
        TestQueues.Builder draft = TestQueues.valid("nulls");
        draft.skills.add(null);
        draft.overflow.add(null);

        assertThat(errors(draft)).extracting(FieldError::field).containsExactly("skills[2]", "overflow[2]");
    }

    private record Error(String field, String code) {
    }

    private Error only(TestQueues.Builder draft) {
        List<FieldError> errors = errors(draft);
        assertThat(errors).hasSize(1);
        return new Error(errors.get(0).field(), errors.get(0).code());
    }

    private List<FieldError> errors(TestQueues.Builder draft) {
        RouterException.InvalidInput e = catchThrowableOfType(RouterException.InvalidInput.class,
                () -> validator.validate(draft.build(), ACTIVE));
        assertThat(e).as("refused").isNotNull();
        return e.fieldErrors();
    }
}
