package io.cti.router.calls;

import io.cti.router.queues.QueueDefinition;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The definitions' cache against the real PostgreSQL: a reading that finds nothing changed keeps what was held (the
 * version and the very objects, so that those just read are garbage at once), and a change is a new version; between
 * full readings, only the repositories' change mark is read.
 */
class DefinitionsTest {

    private final FlowDesk desk = new FlowDesk();
    /** Read again at every use, as a cache past its age would be. */
    private final Definitions definitions = new Definitions(desk.queues, desk.agents, Clock.systemUTC(), Duration.ZERO);

    @AfterEach
    void close() {
        FlowDesk.closeAll();
    }

    @Test
    void aReadingThatFindsNothingChangedKeepsTheProfilesHeldAndTheVersion() {
        AgentProfile agent = desk.agent("a-1");
        long version = definitions.version();
        AgentProfile held = definitions.profileOf(agent.id()).orElseThrow();

        AgentProfile again = definitions.profileOf(agent.id()).orElseThrow();

        assertThat(again).isSameAs(held);
        assertThat(definitions.version()).isEqualTo(version);
        assertThat(definitions.queue(desk.sales).orElseThrow()).isSameAs(definitions.queue(desk.sales).orElseThrow());
    }

    @Test
    void aChangedAgentIsANewVersionWithTheProfileAsChanged() {
        AgentProfile agent = desk.agent("a-1");
        long version = definitions.version();
        AgentProfile renamed = new AgentProfile(agent.id(), "Ada", agent.skills(), agent.teams(), agent.endpoint());

        desk.agents.replace(renamed, null);

        assertThat(definitions.version()).isGreaterThan(version);
        assertThat(definitions.profileOf(agent.id())).contains(renamed);
    }

    @Test
    void aNewAgentIsANewVersion() {
        desk.agent("a-1");
        long version = definitions.version();

        AgentProfile added = desk.agent("a-2");

        assertThat(definitions.version()).isGreaterThan(version);
        assertThat(definitions.profileOf(added.id())).contains(added);
    }

    @Test
    void anEditMadeStraightInTheDatabaseIsSeenAtTheNextFullReadingNotBefore() {
        ShiftedClock clock = new ShiftedClock();
        Definitions read = new Definitions(desk.queues, desk.agents, clock, Duration.ZERO);
        AgentProfile agent = desk.agent("a-1");
        long version = read.version();
        // Not through the repository: the version stays, so the change mark does not move.
        JdbcClient.create(desk.database).sql("update router_agent set display_name = 'Grace' where id = ?")
                .param(agent.id().value()).update();

        String before = read.profileOf(agent.id()).orElseThrow().displayName();
        clock.advance(Definitions.FULL_READING);
        String after = read.profileOf(agent.id()).orElseThrow().displayName();

        assertThat(before).isEqualTo(agent.displayName());
        assertThat(after).isEqualTo("Grace");
        assertThat(read.version()).isGreaterThan(version);
    }

    @Test
    void aFullReadingThatFindsNothingChangedKeepsTheProfilesHeldAndTheVersion() {
        ShiftedClock clock = new ShiftedClock();
        Definitions read = new Definitions(desk.queues, desk.agents, clock, Duration.ZERO);
        AgentProfile agent = desk.agent("a-1");
        long version = read.version();
        AgentProfile held = read.profileOf(agent.id()).orElseThrow();

        clock.advance(Definitions.FULL_READING);
        AgentProfile again = read.profileOf(agent.id()).orElseThrow();

        assertThat(again).isSameAs(held);
        assertThat(read.version()).isEqualTo(version);
    }

    @Test
    void aQueueChangedThroughItsRepositoryIsANewVersionAtOnce() {
        long version = definitions.version();
        QueueDefinition sales = definitions.queue(desk.sales).orElseThrow();
        QueueDefinition renamed = new QueueDefinition(sales.name(), "Sales and renewals", sales.skills(),
                sales.serviceLevel(), sales.shortAbandon(), sales.maxWait(), sales.overflow(), sales.callbackOffered(),
                sales.strategy(), sales.stickyWait(), sales.ringTimeout(), sales.wrapUp());

        desk.queues.replace(renamed, null);

        assertThat(definitions.version()).isGreaterThan(version);
        assertThat(definitions.queue(desk.sales).orElseThrow().displayName()).isEqualTo("Sales and renewals");
    }
}
