package io.cti.core.customers;

import io.cti.core.CoreException;
import io.cti.core.ids.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's dynamic data: purchases, contacts, service requests and complaints, satisfaction scores,
 * campaign participation and the care plan. Rows are only ever added or moved forward, never deleted. A write
 * that changes what the figures depend on refreshes that customer's figures in the same transaction.
 * Thread-safe.
 */
public final class CustomerHistory {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CustomerFigures figures;

    public CustomerHistory(DataSource dataSource, CustomerFigures figures) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.figures = figures;
    }

    public long addPurchase(CustomerId customer, Purchase purchase) {
        return inTransactionRefreshing(customer, () -> jdbc.sql("""
                        insert into purchase (customer_id, purchased_on, product, amount, quantity, due_on, paid_on)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(customer.value(), Date.valueOf(purchase.purchasedOn()), purchase.product(), purchase.amount(),
                        purchase.quantity(), date(purchase.dueOn()), date(purchase.paidOn()))
                .query(Long.class).single());
    }

    /** Records that a purchase was paid; clears the credit flag once nothing else is overdue. */
    public void markPaid(CustomerId customer, long purchaseId, java.time.LocalDate paidOn) {
        inTransactionRefreshing(customer, () -> {
            int updated = jdbc.sql("update purchase set paid_on = ? where id = ? and customer_id = ?")
                    .params(Date.valueOf(paidOn), purchaseId, customer.value()).update();
            if (updated == 0) {
                throw CoreException.noSuchRecord("purchase " + purchaseId + " of customer " + customer);
            }
            return (long) purchaseId;
        });
    }

    public long recordInteraction(CustomerId customer, Interaction interaction) {
        requireCustomer(customer);
        return insertInteraction(customer, interaction, null).orElseThrow();
    }

    /**
     * Writes a finished call to the customer's history in one transaction with the refresh of their figures: the
     * interaction with its timings, the caller's satisfaction score and the callback the agent planned; if any part
     * fails, nothing is written. Once per call: asked again for the same call (the bus delivered its wrap-up twice,
     * or to two routers at once), it writes nothing and answers the interaction written the first time.
     */
    public FinishedCall.Recorded recordFinishedCall(CustomerId customer, FinishedCall call) {
        FinishedCall.Recorded recorded = transactions.execute(status -> {
            requireCustomer(customer);
            Optional<Long> inserted = insertInteraction(customer, call.interaction(), call.onceKey());
            if (inserted.isEmpty()) {
                long first = jdbc.sql("select id from interaction where once_key = ?").param(call.onceKey())
                        .query(Long.class).single();
                return new FinishedCall.Recorded(first, false);
            }
            long id = inserted.get();
            if (call.satisfaction() > 0) {
                insertSatisfaction(customer, call.satisfaction(), id, call.wrappedUpAt(), null);
            }
            if (call.callbackAt() != null) {
                insertContact(customer, new CarePlanContact(0, call.callbackAt(), "callback after call "
                        + call.interaction().callId(), Channel.PHONE, call.interaction().agentId(), null));
            }
            figures.refresh(customer);
            return new FinishedCall.Recorded(id, true);
        });
        return Objects.requireNonNull(recorded, "the transaction of a finished call gave no result");
    }

    /** Inserts the row; empty when {@code onceKey} was written before (the row that holds it stays as it is). */
    private Optional<Long> insertInteraction(CustomerId customer, Interaction interaction, String onceKey) {
        return jdbc.sql("""
                        insert into interaction (customer_id, channel, direction, agent_id, call_id, queue, outcome, disposition,
                            notes, started_at, ended_at, wait_seconds, ring_seconds, talk_seconds, hold_seconds,
                            wrap_up_seconds, once_key)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (once_key) where once_key is not null do nothing
                        returning id""")
                .params(customer.value(), interaction.channel().name(), interaction.direction().name(),
                        interaction.agentId(), interaction.callId(), interaction.queue(), interaction.outcome(),
                        interaction.disposition(), interaction.notes(), Timestamp.from(interaction.startedAt()),
                        timestamp(interaction.endedAt()), interaction.waitSeconds(), interaction.ringSeconds(),
                        interaction.talkSeconds(), interaction.holdSeconds(), interaction.wrapUpSeconds(), onceKey)
                .query(Long.class).optional();
    }

    public List<Interaction> lastInteractions(CustomerId customer, int limit) {
        return jdbc.sql("select * from interaction where customer_id = ? order by started_at desc, id desc limit ?")
                .params(customer.value(), limit)
                .query((rs, n) -> interaction(rs)).list();
    }

    /** Interactions that started at or after {@code since}: "contacts today" on the screen-pop. */
    public int countInteractionsSince(CustomerId customer, Instant since) {
        return jdbc.sql("select count(*) from interaction where customer_id = ? and started_at >= ?")
                .params(customer.value(), Timestamp.from(since)).query(Integer.class).single();
    }

    public long openServiceRequest(CustomerId customer, ServiceRequest request) {
        requireCustomer(customer);
        return jdbc.sql("""
                        insert into service_request (customer_id, kind, subject, status, opened_at, closed_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(customer.value(), request.kind().name(), request.subject(), request.status().name(),
                        Timestamp.from(request.openedAt()), timestamp(request.closedAt()))
                .query(Long.class).single();
    }

    public void moveServiceRequest(CustomerId customer, long requestId, ServiceRequest.Status status, Instant at) {
        boolean closing = status == ServiceRequest.Status.RESOLVED || status == ServiceRequest.Status.CLOSED;
        int updated = jdbc.sql("update service_request set status = ?, closed_at = ? where id = ? and customer_id = ?")
                .params(status.name(), closing ? Timestamp.from(at) : null, requestId, customer.value()).update();
        if (updated == 0) {
            throw CoreException.noSuchRecord("service request " + requestId + " of customer " + customer);
        }
    }

    public List<ServiceRequest> openServiceRequests(CustomerId customer) {
        return jdbc.sql("""
                        select * from service_request where customer_id = ? and status in ('OPEN', 'IN_PROGRESS')
                        order by opened_at""")
                .param(customer.value())
                .query((rs, n) -> new ServiceRequest(rs.getLong("id"), ServiceRequest.Kind.valueOf(rs.getString("kind")),
                        rs.getString("subject"), ServiceRequest.Status.valueOf(rs.getString("status")),
                        rs.getTimestamp("opened_at").toInstant(), instant(rs, "closed_at")))
                .list();
    }

    public long recordSatisfaction(CustomerId customer, int score, Long interactionId, Instant at, String comment) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("satisfaction score must be 1-5: " + score);
        }
        return inTransactionRefreshing(customer, () -> {
            if (interactionId != null) {
                requireInteractionOf(customer, interactionId);
            }
            return insertSatisfaction(customer, score, interactionId, at, comment);
        });
    }

    private long insertSatisfaction(CustomerId customer, int score, Long interactionId, Instant at, String comment) {
        return jdbc.sql("""
                        insert into satisfaction_score (customer_id, score, interaction_id, recorded_at, comment)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(customer.value(), score, interactionId, Timestamp.from(at), comment)
                .query(Long.class).single();
    }

    private void requireInteractionOf(CustomerId customer, long interactionId) {
        boolean exists = jdbc.sql("select exists(select 1 from interaction where id = ? and customer_id = ?)")
                .params(interactionId, customer.value()).query(Boolean.class).single();
        if (!exists) {
            throw CoreException.noSuchInteraction(interactionId, customer.toString());
        }
    }

    public void recordCampaignParticipation(CustomerId customer, String campaign, java.time.LocalDate joinedOn, String response) {
        requireCustomer(customer);
        jdbc.sql("""
                        insert into campaign_participation (customer_id, campaign, joined_on, response) values (?, ?, ?, ?)
                        on conflict (customer_id, campaign) do update set response = excluded.response""")
                .params(customer.value(), campaign, Date.valueOf(joinedOn), response).update();
    }

    public long planContact(CustomerId customer, CarePlanContact contact) {
        requireCustomer(customer);
        return insertContact(customer, contact);
    }

    private long insertContact(CustomerId customer, CarePlanContact contact) {
        return jdbc.sql("""
                        insert into care_plan_contact (customer_id, planned_at, purpose, channel, owner_agent, done_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(customer.value(), Timestamp.from(contact.plannedAt()), contact.purpose(), contact.channel().name(),
                        contact.ownerAgent(), timestamp(contact.doneAt()))
                .query(Long.class).single();
    }

    /** The earliest planned contact not yet done (it may already be overdue). */
    public Optional<CarePlanContact> nextPlannedContact(CustomerId customer) {
        return jdbc.sql("""
                        select * from care_plan_contact where customer_id = ? and done_at is null
                        order by planned_at limit 1""")
                .param(customer.value())
                .query((rs, n) -> new CarePlanContact(rs.getLong("id"), rs.getTimestamp("planned_at").toInstant(),
                        rs.getString("purpose"), Channel.valueOf(rs.getString("channel")), rs.getString("owner_agent"),
                        instant(rs, "done_at")))
                .optional();
    }

    private long inTransactionRefreshing(CustomerId customer, java.util.function.Supplier<Long> write) {
        Long id = transactions.execute(status -> {
            requireCustomer(customer);
            long written = write.get();
            figures.refresh(customer);
            return written;
        });
        return id == null ? 0 : id;
    }

    private void requireCustomer(CustomerId customer) {
        boolean exists = jdbc.sql("select exists(select 1 from customer where id = ?)").param(customer.value())
                .query(Boolean.class).single();
        if (!exists) {
            throw CoreException.noSuchCustomer(customer.toString());
        }
    }

    private static Interaction interaction(ResultSet rs) throws SQLException {
        return new Interaction(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                Direction.valueOf(rs.getString("direction")), rs.getString("agent_id"), rs.getString("call_id"),
                rs.getString("queue"), rs.getString("outcome"), rs.getString("disposition"), rs.getString("notes"),
                rs.getTimestamp("started_at").toInstant(), instant(rs, "ended_at"),
                (Integer) rs.getObject("wait_seconds"), (Integer) rs.getObject("ring_seconds"),
                (Integer) rs.getObject("talk_seconds"), (Integer) rs.getObject("hold_seconds"),
                (Integer) rs.getObject("wrap_up_seconds"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Date date(java.time.LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
