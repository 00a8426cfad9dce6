package io.cti.router.staff;

import io.cti.core.customers.FieldError;
import io.cti.core.ids.AgentId;
import io.cti.router.RouterException;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cti.router.staff.TestAgents.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

class AgentValidatorTest {

    private final AgentValidator validator = new AgentValidator();

    @Test
    void aCompleteDraftBecomesTheProfileItDescribes() {
        TestAgents.Builder draft = TestAgents.valid("alice.chen");
        draft.teams = new ArrayList<>(List.of("Team-B", "team-a"));
        draft.endpoint = "PJSIP/2001";

        AgentProfile agent = validator.validate(draft.build());

        assertThat(agent.id()).isEqualTo(AgentId.of("alice.chen"));
        assertThat(agent.displayName()).isEqualTo("Test Agent");
        assertThat(agent.skills()).isEqualTo(Map.of(new Skill("sales"), Proficiency.of(7), new Skill("english"), Proficiency.of(9)));
        assertThat(agent.teams()).containsExactly("team-a", "team-b");
        assertThat(agent.endpoint()).isEqualTo(new PhoneEndpoint("PJSIP", "2001"));
    }

    @Test
    void theDisplayNameDefaultsToTheId() {
        TestAgents.Builder draft = TestAgents.valid("bob");
        draft.displayName = null;

        assertThat(validator.validate(draft.build()).displayName()).isEqualTo("bob");
    }

    @Test
    void everyErrorIsListedAtOnceUnderInvalidAgent() {
        TestAgents.Builder draft = TestAgents.valid("bad id");
        draft.skills.add(skill("sales", 3));
        draft.teams.add(null);
        draft.endpoint = "2001";

        RouterException.InvalidInput e = refused(draft);

        assertThat(e.errorId()).isEqualTo("invalid-agent");
        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("id", "skills[2].skill", "teams[1]", "endpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", ".dot-first", "semi;colon", "new\nline", "ünïcode"})
    void theIdIsALoginOfLettersDigitsDotsDashesUnderscoresAndAt(String id) {
        assertThat(errors(TestAgents.valid(id))).containsExactly(tuple("id", "invalid-id"));
    }

    @Test
    void theIdIsRequired() {
        assertThat(errors(TestAgents.valid(null))).containsExactly(tuple("id", "required"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void aProficiencyIsOneToTen(int level) {
        TestAgents.Builder draft = TestAgents.valid("levels");
        draft.skills.set(0, skill("sales", level));

        assertThat(errors(draft)).containsExactly(tuple("skills[0].proficiency", "out-of-range"));
    }

    @Test
    void aSkillCannotBeListedTwice() {
        TestAgents.Builder draft = TestAgents.valid("twice");
        draft.skills.add(skill("SALES", 2));

        assertThat(errors(draft)).containsExactly(tuple("skills[2].skill", "duplicate"));
    }

    @Test
    void aSkillNeedsAValidNameAndAProficiency() {
        TestAgents.Builder draft = TestAgents.valid("shape");
        draft.skills = new ArrayList<>(List.of(skill("9x", 3), skill("billing", null)));

        assertThat(errors(draft)).containsExactly(tuple("skills[0].skill", "invalid-skill"), tuple("skills[1].proficiency", "required"));
    }

    @Test
    void teamsAreNamesListedOnce() {
        TestAgents.Builder draft = TestAgents.valid("teams");
        draft.teams = new ArrayList<>(List.of("team-a", "Team-A", "night shift"));

        assertThat(errors(draft)).containsExactly(tuple("teams[1]", "duplicate"), tuple("teams[2]", "invalid-team"));
    }

    @Test
    void theEndpointIsRequired() {
        TestAgents.Builder draft = TestAgents.valid("no-phone");
        draft.endpoint = null;

        assertThat(errors(draft)).containsExactly(tuple("endpoint", "required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PJSIP/2001\r\nAction: Hangup", "PJSIP/2001\u0007", "PJSIP/２００１"})
    void anEndpointWithControlOrNonAsciiCharactersIsRefusedAsNotPrintableAscii(String endpoint) {
        TestAgents.Builder draft = TestAgents.valid("injected");
        draft.endpoint = endpoint;

        assertThat(errors(draft)).containsExactly(tuple("endpoint", "not-printable-ascii"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001", "PJSIP/2001,t", "PJSIP/${AGENT}", "PJSIP/ 2001"})
    void anEndpointThatIsNotTechnologySlashResourceIsRefused(String endpoint) {
        TestAgents.Builder draft = TestAgents.valid("malformed");
        draft.endpoint = endpoint;

        assertThat(errors(draft)).containsExactly(tuple("endpoint", "invalid-endpoint"));
    }

    @Test
    void aReasonCodeNeedsACodeAndALabel() {
        RouterException.InvalidInput e = catchThrowableOfType(RouterException.InvalidInput.class,
                () -> validator.validate(new ReasonCodeDraft("Coffee Break", "  ", null)));

        assertThat(e.errorId()).isEqualTo("invalid-reason-code");
        assertThat(e.fieldErrors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("code", "invalid-code"), tuple("label", "required"));
    }

    @Test
    void aReasonCodeIsNotProductiveUnlessSaid() {
        assertThat(validator.validate(new ReasonCodeDraft("coffee", " Coffee ", null)))
                .isEqualTo(new ReasonCode("coffee", "Coffee", false));
        assertThat(validator.validate(new ReasonCodeDraft("coaching", "Coaching", true)).productive()).isTrue();
    }

    private RouterException.InvalidInput refused(TestAgents.Builder draft) {
        RouterException.InvalidInput e = catchThrowableOfType(RouterException.InvalidInput.class, () -> validator.validate(draft.build()));
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    private List<org.assertj.core.groups.Tuple> errors(TestAgents.Builder draft) {
        return refused(draft).fieldErrors().stream().map(e -> tuple(e.field(), e.code())).toList();
    }
}
