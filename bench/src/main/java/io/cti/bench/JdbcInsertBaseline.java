package io.cti.bench;

import io.cti.core.customers.Address;
import io.cti.core.customers.CarePlanContact;
import io.cti.core.customers.CustomerBulkLoader;
import io.cti.core.customers.CustomerPhone;
import io.cti.core.customers.CustomerProfile;
import io.cti.core.customers.Interaction;
import io.cti.core.customers.Purchase;
import io.cti.core.customers.ServiceRequest;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The baseline the COPY loader is measured against: the same rows written with ordinary batched JDBC INSERTs
 * ({@code addBatch}/{@code executeBatch}), one transaction per batch of customers on one connection, with the
 * database's usual foreign-key checks. Ids are taken from the sequences the same way as the loader does. Not
 * thread-safe.
 */
final class JdbcInsertBaseline {

    private final DataSource dataSource;
    private final int batchSize;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcInsertBaseline(DataSource dataSource, int batchSize) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
    }

    /** Inserts every customer; returns the number of rows written. */
    long load(Iterator<? extends CustomerBulkLoader.Source> customers) throws SQLException {
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (customers.hasNext()) {
                List<CustomerBulkLoader.Source> batch = new ArrayList<>(batchSize);
                while (batch.size() < batchSize && customers.hasNext()) {
                    batch.add(customers.next());
                }
                rows += insert(connection, batch);
                connection.commit();
            }
        }
        return rows;
    }

    private long insert(Connection c, List<CustomerBulkLoader.Source> batch) throws SQLException {
        long[] ids = ids(c, "customer", batch.size());
        int interactionCount = batch.stream().mapToInt(s -> s.interactions().size()).sum();
        long[] interactionIds = ids(c, "interaction", interactionCount);
        long rows = 0;
        try (PreparedStatement customer = c.prepareStatement("""
                insert into customer (id, kind, type, name, email, address_line, city, region, postal_code, country,
                    time_zone, preferred_language, birth_date, gender, occupation, education, industry,
                    legal_representative, contact_person, customer_since, attributes)
                overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            for (int i = 0; i < batch.size(); i++) {
                CustomerProfile p = batch.get(i).profile();
                Address a = p.address();
                customer.setLong(1, ids[i]);
                customer.setString(2, p.kind().name());
                customer.setString(3, p.type().name());
                customer.setString(4, p.name());
                customer.setString(5, p.email());
                customer.setString(6, a.line());
                customer.setString(7, a.city());
                customer.setString(8, a.region());
                customer.setString(9, a.postalCode());
                customer.setString(10, a.country());
                customer.setString(11, p.timeZone() == null ? null : p.timeZone().getId());
                customer.setString(12, p.preferredLanguage());
                customer.setDate(13, date(p.birthDate()));
                customer.setString(14, p.gender() == null ? null : p.gender().name());
                customer.setString(15, p.occupation());
                customer.setString(16, p.education());
                customer.setString(17, p.industry());
                customer.setString(18, p.legalRepresentative());
                customer.setString(19, p.contactPerson());
                customer.setDate(20, date(p.customerSince()));
                customer.setString(21, json.writeValueAsString(p.attributes()));
                customer.addBatch();
            }
            rows += customer.executeBatch().length;
        }
        try (PreparedStatement phone = c.prepareStatement(
                "insert into customer_phone (customer_id, e164, label, is_primary) values (?, ?, ?, ?)");
             PreparedStatement purchase = c.prepareStatement("""
                     insert into purchase (customer_id, purchased_on, product, amount, quantity, due_on, paid_on)
                     values (?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement interaction = c.prepareStatement("""
                     insert into interaction (id, customer_id, channel, direction, agent_id, call_id, queue, outcome,
                         disposition, notes, started_at, ended_at, wait_seconds, talk_seconds)
                     overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement request = c.prepareStatement("""
                     insert into service_request (customer_id, kind, subject, status, opened_at, closed_at)
                     values (?, ?, ?, ?, ?, ?)""");
             PreparedStatement score = c.prepareStatement("""
                     insert into satisfaction_score (customer_id, score, interaction_id, recorded_at, comment)
                     values (?, ?, ?, ?, ?)""");
             PreparedStatement campaign = c.prepareStatement(
                     "insert into campaign_participation (customer_id, campaign, joined_on, response) values (?, ?, ?, ?)");
             PreparedStatement plan = c.prepareStatement("""
                     insert into care_plan_contact (customer_id, planned_at, purpose, channel, owner_agent, done_at)
                     values (?, ?, ?, ?, ?, ?)""")) {
            int nextInteraction = 0;
            for (int i = 0; i < batch.size(); i++) {
                CustomerBulkLoader.Source s = batch.get(i);
                long id = ids[i];
                for (CustomerPhone p : s.profile().phones()) {
                    phone.setLong(1, id);
                    phone.setString(2, p.number().e164());
                    phone.setString(3, p.label().name());
                    phone.setBoolean(4, p.primary());
                    phone.addBatch();
                }
                for (Purchase p : s.purchases()) {
                    purchase.setLong(1, id);
                    purchase.setDate(2, date(p.purchasedOn()));
                    purchase.setString(3, p.product());
                    purchase.setBigDecimal(4, p.amount());
                    purchase.setInt(5, p.quantity());
                    purchase.setDate(6, date(p.dueOn()));
                    purchase.setDate(7, date(p.paidOn()));
                    purchase.addBatch();
                }
                int firstInteraction = nextInteraction;
                for (Interaction x : s.interactions()) {
                    interaction.setLong(1, interactionIds[nextInteraction++]);
                    interaction.setLong(2, id);
                    interaction.setString(3, x.channel().name());
                    interaction.setString(4, x.direction().name());
                    interaction.setString(5, x.agentId());
                    interaction.setString(6, x.callId());
                    interaction.setString(7, x.queue());
                    interaction.setString(8, x.outcome());
                    interaction.setString(9, x.disposition());
                    interaction.setString(10, x.notes());
                    interaction.setTimestamp(11, timestamp(x.startedAt()));
                    interaction.setTimestamp(12, timestamp(x.endedAt()));
                    setInteger(interaction, 13, x.waitSeconds());
                    setInteger(interaction, 14, x.talkSeconds());
                    interaction.addBatch();
                }
                for (ServiceRequest r : s.serviceRequests()) {
                    request.setLong(1, id);
                    request.setString(2, r.kind().name());
                    request.setString(3, r.subject());
                    request.setString(4, r.status().name());
                    request.setTimestamp(5, timestamp(r.openedAt()));
                    request.setTimestamp(6, timestamp(r.closedAt()));
                    request.addBatch();
                }
                for (CustomerBulkLoader.Score sc : s.satisfactionScores()) {
                    score.setLong(1, id);
                    score.setInt(2, sc.score());
                    if (sc.interaction() < 0) {
                        score.setNull(3, Types.BIGINT);
                    } else {
                        score.setLong(3, interactionIds[firstInteraction + sc.interaction()]);
                    }
                    score.setTimestamp(4, timestamp(sc.recordedAt()));
                    score.setString(5, sc.comment());
                    score.addBatch();
                }
                for (CustomerBulkLoader.Campaign cp : s.campaigns()) {
                    campaign.setLong(1, id);
                    campaign.setString(2, cp.campaign());
                    campaign.setDate(3, date(cp.joinedOn()));
                    campaign.setString(4, cp.response());
                    campaign.addBatch();
                }
                for (CarePlanContact cc : s.carePlan()) {
                    plan.setLong(1, id);
                    plan.setTimestamp(2, timestamp(cc.plannedAt()));
                    plan.setString(3, cc.purpose());
                    plan.setString(4, cc.channel().name());
                    plan.setString(5, cc.ownerAgent());
                    plan.setTimestamp(6, timestamp(cc.doneAt()));
                    plan.addBatch();
                }
            }
            // parents before children: interactions before the scores that refer to them
            for (PreparedStatement statement : List.of(phone, purchase, interaction, request, score, campaign, plan)) {
                rows += statement.executeBatch().length;
            }
        }
        return rows;
    }

    private static long[] ids(Connection c, String table, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement s = c.prepareStatement(
                "select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?) as g order by g")) {
            s.setString(1, table);
            s.setInt(2, n);
            try (ResultSet rs = s.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
