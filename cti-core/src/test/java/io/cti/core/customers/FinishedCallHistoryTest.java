package io.cti.core.customers;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.ids.CustomerId;
import io.cti.core.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.cti.core.customers.CustomerFixtures.individual;
import static io.cti.core.customers.CustomerFixtures.mobile;
import static io.cti.core.customers.CustomerFixtures.newNumber;
import static io.cti.core.customers.CustomerFixtures.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A finished call written to the customer's history on the real embedded PostgreSQL: the interaction with its
 * typed timings, the satisfaction score and the callback, and the refresh of the customer's figures, all in one
 * transaction and once per call.
 */
class FinishedCallHistoryTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant ARRIVED = NOW.minusSeconds(600);

    private static HikariDataSource database;

    private final Clock clock = Clock.fixed(NOW, ZoneId.of("UTC"));
    private final CustomerFigures figures = new CustomerFigures(database, new FigureRules(113), clock);
    private final CustomerRepository customers = new CustomerRepository(database, figures);
    private final CustomerHistory history = new CustomerHistory(database, figures);
    private final JdbcClient jdbc = JdbcClient.create(database);

    @BeforeAll
    static void database() {
        database = EmbeddedServers.shared().freshDatabase();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theCallsInteractionIsWrittenWithAllItsTimings() {
        CustomerId customer = customer();

        FinishedCall.Recorded recorded = history.recordFinishedCall(customer, call("c-1", 0, null));

        assertThat(recorded.first()).isTrue();
        assertThat(history.lastInteractions(customer, 10)).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(recorded.interactionId());
            assertThat(row).extracting(Interaction::waitSeconds, Interaction::ringSeconds, Interaction::talkSeconds,
                    Interaction::holdSeconds, Interaction::wrapUpSeconds).containsExactly(12, 3, 145, 40, 30);
            assertThat(row).extracting(Interaction::agentId, Interaction::callId, Interaction::queue,
                    Interaction::disposition, Interaction::notes).containsExactly("alice", "c-1", "sales", "sale",
                    "ordered two");
        });
    }

    @Test
    void theTimingsAddUpInAReportOverTheTable() {
        CustomerId customer = customer();
        history.recordFinishedCall(customer, call("c-2", 0, null));
        history.recordFinishedCall(customer, call("c-3", 0, null));

        Long handle = jdbc.sql("select sum(talk_seconds + hold_seconds + wrap_up_seconds) from interaction"
                + " where customer_id = ?").param(customer.value()).query(Long.class).single();

        assertThat(handle).isEqualTo(2 * (145 + 40 + 30));
    }

    @Test
    void theSatisfactionScoreAndTheCallbackAreWrittenAndTheFiguresRefreshedWithTheInteraction() {
        CustomerId customer = customer();
        Instant callback = NOW.plusSeconds(86_400);

        FinishedCall.Recorded recorded = history.recordFinishedCall(customer, call("c-4", 4, callback));

        assertThat(figures.find(customer).orElseThrow().averageSatisfaction()).isEqualByComparingTo("4");
        assertThat(jdbc.sql("select interaction_id from satisfaction_score where customer_id = ?")
                .param(customer.value()).query(Long.class).single()).isEqualTo(recorded.interactionId());
        assertThat(history.nextPlannedContact(customer)).hasValueSatisfying(contact -> {
            assertThat(contact.plannedAt()).isEqualTo(callback);
            assertThat(contact.ownerAgent()).isEqualTo("alice");
            assertThat(contact.purpose()).contains("c-4");
        });
    }

    @Test
    void theSameCallWrittenTwiceLeavesOneRowAndAnswersTheFirst() {
        CustomerId customer = customer();
        FinishedCall.Recorded first = history.recordFinishedCall(customer, call("c-5", 5, NOW.plusSeconds(60)));

        FinishedCall.Recorded again = history.recordFinishedCall(customer, call("c-5", 5, NOW.plusSeconds(60)));

        assertThat(again.first()).isFalse();
        assertThat(again.interactionId()).isEqualTo(first.interactionId());
        assertThat(history.lastInteractions(customer, 10)).hasSize(1);
        assertThat(count("satisfaction_score", customer)).isEqualTo(1);
        assertThat(count("care_plan_contact", customer)).isEqualTo(1);
    }

    @Test
    void twoRoutersWritingTheSameCallAtOnceLeaveOneRow() throws Exception {
        CustomerId customer = customer();
        CountDownLatch start = new CountDownLatch(1);
        Callable<FinishedCall.Recorded> write = () -> {
            start.await();
            return history.recordFinishedCall(customer, call("c-6", 3, null));
        };
        ExecutorService routers = Executors.newFixedThreadPool(4);
        try {
            List<Future<FinishedCall.Recorded>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(routers.submit(write));
            }
            start.countDown();
            List<FinishedCall.Recorded> recorded = new ArrayList<>();
            for (Future<FinishedCall.Recorded> result : results) {
                recorded.add(result.get());
            }

            assertThat(recorded).filteredOn(FinishedCall.Recorded::first).hasSize(1);
            assertThat(recorded).extracting(FinishedCall.Recorded::interactionId).containsOnly(recorded.get(0).interactionId());
        } finally {
            routers.shutdownNow();
        }
        assertThat(history.lastInteractions(customer, 10)).hasSize(1);
        assertThat(count("satisfaction_score", customer)).isEqualTo(1);
    }

    @Test
    void whenTheFigureRefreshFailsNothingOfTheCallIsWritten() {
        CustomerId customer = customer();
        jdbc.sql("""
                create or replace function refuse_figures_of_%1$d() returns trigger language plpgsql as $$
                begin
                    if new.customer_id = %1$d then raise exception 'figures of customer %1$d refused by the test'; end if;
                    return new;
                end $$""".formatted(customer.value())).update();
        jdbc.sql("create trigger refuse_figures_%1$d before insert or update on customer_figures for each row"
                .formatted(customer.value()) + " execute function refuse_figures_of_%d()".formatted(customer.value()))
                .update();
        try {
            assertThatThrownBy(() -> history.recordFinishedCall(customer, call("c-7", 4, NOW.plusSeconds(60))))
                    .hasMessageContaining("refused by the test");

            assertThat(history.lastInteractions(customer, 10)).isEmpty();
            assertThat(count("satisfaction_score", customer)).isZero();
            assertThat(count("care_plan_contact", customer)).isZero();
        } finally {
            jdbc.sql("drop trigger refuse_figures_%d on customer_figures".formatted(customer.value())).update();
        }
        assertThat(history.recordFinishedCall(customer, call("c-7", 4, null)).first()).isTrue();
    }

    @Test
    void aContactEnteredAtTheConsoleForTheSameCallIsNotTakenForTheFinishedCall() {
        CustomerId customer = customer();
        history.recordInteraction(customer, new Interaction(0, Channel.PHONE, Direction.INBOUND, "bob", "c-8",
                "sales", "answered", null, "follow-up note", ARRIVED, NOW, 5, 60));

        FinishedCall.Recorded recorded = history.recordFinishedCall(customer, call("c-8", 0, null));

        assertThat(recorded.first()).isTrue();
        assertThat(history.lastInteractions(customer, 10)).hasSize(2);
    }

    @Test
    void aNegativeTimingIsRefusedByTheRecordAndByTheSchema() {
        CustomerId customer = customer();

        assertThatThrownBy(() -> new Interaction(0, Channel.PHONE, Direction.INBOUND, "alice", "c-9", "sales",
                "answered", null, null, ARRIVED, NOW, 1, 1, 1, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold");
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into interaction (customer_id, channel, direction, outcome, started_at, wrap_up_seconds)
                        values (?, 'PHONE', 'INBOUND', 'answered', now(), -3)""").param(customer.value()).update())
                .hasMessageContaining("interaction_timings_not_negative");
    }

    private CustomerId customer() {
        CustomerId id = customers.create(individual("Lin Wei", mobile(newNumber(), true)));
        history.addPurchase(id, paid(NOW.atZone(ZoneId.of("UTC")).toLocalDate().minusDays(3), "120.00"));
        return id;
    }

    private static FinishedCall call(String callId, int satisfaction, Instant callbackAt) {
        Interaction interaction = new Interaction(0, Channel.PHONE, Direction.INBOUND, "alice", callId, "sales",
                "answered", "sale", "ordered two", ARRIVED, ARRIVED.plusSeconds(200), 12, 3, 145, 40, 30);
        return new FinishedCall(interaction, satisfaction, callbackAt, ARRIVED.plusSeconds(230));
    }

    private long count(String table, CustomerId customer) {
        return jdbc.sql("select count(*) from " + table + " where customer_id = ?").param(customer.value())
                .query(Long.class).single();
    }
}
