package io.cti.router.staff;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.ids.AgentId;
import io.cti.router.RouterException;
import io.cti.router.testapp.RouterDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentRepositoryTest {

    private static HikariDataSource dataSource;
    private static AgentRepository agents;
    private static ReasonCodeRepository reasonCodes;
    private final AgentValidator validator = new AgentValidator();

    @BeforeAll
    static void database() {
        dataSource = RouterDatabases.fresh();
        agents = new AgentRepository(dataSource, RouterDatabases.schemaOf(dataSource));
        reasonCodes = new ReasonCodeRepository(dataSource, RouterDatabases.schemaOf(dataSource));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aCreatedAgentIsFoundWithEveryValueActiveAtVersionOne() {
        AgentProfile agent = profile(TestAgents.valid(RouterDatabases.unique("created")));

        StoredAgent stored = agents.create(agent);

        assertThat(stored.profile()).isEqualTo(agent);
        assertThat(stored.active()).isTrue();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(agents.find(agent.id())).contains(stored);
    }

    @Test
    void aSecondAgentWithTheSameIdIsADuplicateAndChangesNothing() {
        AgentProfile agent = profile(TestAgents.valid(RouterDatabases.unique("twice")));
        agents.create(agent);
        Map<String, Integer> before = RouterDatabases.counts(dataSource);
        TestAgents.Builder again = TestAgents.valid(agent.id().value());

        assertThatThrownBy(() -> agents.create(profile(again))).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.errorId()).isEqualTo("duplicate-agent"));
        assertThat(RouterDatabases.counts(dataSource)).isEqualTo(before);
    }

    @Test
    void anEndpointBelongsToOneActiveAgentOnly() {
        TestAgents.Builder first = TestAgents.valid(RouterDatabases.unique("first"));
        agents.create(profile(first));
        TestAgents.Builder second = TestAgents.valid(RouterDatabases.unique("second"));
        second.endpoint = first.endpoint;

        assertThatThrownBy(() -> agents.create(profile(second))).isInstanceOfSatisfying(RouterException.InvalidInput.class,
                e -> assertThat(e.fieldErrors()).extracting(f -> f.field() + ":" + f.code()).containsExactly("endpoint:endpoint-taken"));
        agents.deactivate(AgentId.of(first.id));
        assertThat(agents.create(profile(second)).active()).as("free once the first is deactivated").isTrue();
    }

    @Test
    void aReplaceStoresTheNewProfileAndRaisesTheVersion() {
        String id = RouterDatabases.unique("replaced");
        agents.create(profile(TestAgents.valid(id)));
        TestAgents.Builder changed = TestAgents.valid(id);
        changed.skills = new ArrayList<>(List.of(TestAgents.skill("billing", 4)));
        changed.teams = new ArrayList<>();

        StoredAgent replaced = agents.replace(profile(changed), 1);

        assertThat(replaced.version()).isEqualTo(2);
        assertThat(replaced.profile()).isEqualTo(profile(changed));
    }

    @Test
    void aReplaceExpectingAnOlderVersionIsStaleAndChangesNothing() {
        String id = RouterDatabases.unique("stale");
        agents.create(profile(TestAgents.valid(id)));
        agents.replace(profile(TestAgents.valid(id)), 1);
        StoredAgent before = agents.find(AgentId.of(id)).orElseThrow();

        assertThatThrownBy(() -> agents.replace(profile(TestAgents.valid(id)), 1)).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.errorId()).isEqualTo("stale-agent"));
        assertThat(agents.find(AgentId.of(id))).contains(before);
    }

    @Test
    void aDeactivatedAgentKeepsTheProfileAndLeavesTheActiveList() {
        AgentProfile agent = profile(TestAgents.valid(RouterDatabases.unique("leaving")));
        agents.create(agent);

        StoredAgent deactivated = agents.deactivate(agent.id());

        assertThat(deactivated.active()).isFalse();
        assertThat(deactivated.profile()).isEqualTo(agent);
        assertThat(agents.deactivate(agent.id()).version()).as("idempotent").isEqualTo(deactivated.version());
        assertThat(agents.list(false)).extracting(StoredAgent::profile).doesNotContain(agent);
        assertThat(agents.list(true)).extracting(StoredAgent::profile).contains(agent);
    }

    @Test
    void deactivatingAnUnknownAgentIsNoSuchAgent() {
        assertThatThrownBy(() -> agents.deactivate(AgentId.of("nobody")))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.errorId()).isEqualTo("no-such-agent"));
    }

    @Test
    void theReasonCodesThePlatformSetsItselfAreThereFromTheStart() {
        assertThat(reasonCodes.find(ReasonCode.NO_ANSWER)).hasValueSatisfying(code -> assertThat(code.productive()).isFalse());
        assertThat(reasonCodes.list()).extracting(ReasonCode::code).contains("break", "lunch", "training").isSorted();
    }

    @Test
    void anAddedReasonCodeIsListedAndASecondOneWithItsCodeIsADuplicate() {
        ReasonCode coaching = new ReasonCode("coaching", "Coaching", true);

        reasonCodes.create(coaching);

        assertThat(reasonCodes.list()).contains(coaching);
        assertThatThrownBy(() -> reasonCodes.create(new ReasonCode("coaching", "Other", false)))
                .isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.errorId()).isEqualTo("duplicate-reason-code"));
        assertThat(reasonCodes.find("coaching")).contains(coaching);
    }

    private AgentProfile profile(TestAgents.Builder draft) {
        return validator.validate(draft.build());
    }
}
