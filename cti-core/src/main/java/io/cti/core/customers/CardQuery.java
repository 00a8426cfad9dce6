package io.cti.core.customers;

import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads everything a customer card shows in one SQL statement, so in one round trip and one snapshot: the
 * customer with its figures as columns, and its phones, open service requests, next planned contact and last
 * interactions as JSON arrays built by PostgreSQL. Timestamps travel as epoch microseconds (PostgreSQL's own
 * precision), so they arrive exactly as stored. Thread-safe.
 */
final class CardQuery {

    /** What the statement found; {@code figures} is null when the customer has none stored yet. */
    record Found(Customer customer, DerivedFigures figures, List<ServiceRequest> openRequests,
                 Optional<CarePlanContact> nextContact, List<Interaction> lastInteractions) {
    }

    private static final String SELECT = "select " + CustomerRepository.COLUMNS + """
            ,
                   f.customer_id as figures_of, f.purchase_count, f.monetary, f.first_purchase_on, f.last_purchase_on,
                   f.recency_days, f.purchase_cycle_days, f.r_score, f.f_score, f.m_score, f.lifetime_value, f.grade,
                   f.top_value, f.loyalty_tier, f.overdue_amount, f.credit_flag, f.churn_warning, f.churn_reason,
                   f.average_satisfaction, f.computed_on,
                   (select json_agg(json_build_array(p.e164, p.label, p.is_primary) order by p.is_primary desc, p.e164)
                    from customer_phone p where p.customer_id = c.id)::text as phones,
                   (select json_agg(json_build_array(r.id, r.kind, r.subject, r.status, %s, %s) order by r.opened_at, r.id)
                    from service_request r
                    where r.customer_id = c.id and r.status in ('OPEN', 'IN_PROGRESS'))::text as open_requests,
                   (select json_build_array(n.id, %s, n.purpose, n.channel, n.owner_agent, %s)
                    from care_plan_contact n where n.customer_id = c.id and n.done_at is null
                    order by n.planned_at, n.id limit 1)::text as next_contact,
                   (select json_agg(json_build_array(i.id, i.channel, i.direction, i.agent_id, i.call_id, i.queue, i.outcome,
                                                     i.disposition, i.notes, %s, %s, i.wait_seconds, i.ring_seconds,
                                                     i.talk_seconds, i.hold_seconds, i.wrap_up_seconds)
                                    order by i.started_at desc, i.id desc)
                    from (select * from interaction where customer_id = c.id
                          order by started_at desc, id desc limit %d) i)::text as interactions
            from customer c left join customer_figures f on f.customer_id = c.id
            """.formatted(micros("r.opened_at"), micros("r.closed_at"), micros("n.planned_at"), micros("n.done_at"),
            micros("i.started_at"), micros("i.ended_at"), CustomerCard.LAST_INTERACTIONS);

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final JsonMapper json = JsonMapper.builder().build();

    CardQuery(CustomerRepository customers) {
        this.jdbc = customers.jdbc();
        this.customers = customers;
    }

    Optional<Found> byNumber(PhoneNumber number) {
        return jdbc.sql(SELECT + "where c.id = (select customer_id from customer_phone where e164 = ?)")
                .param(number.e164()).query((rs, n) -> found(rs)).optional();
    }

    Optional<Found> byId(CustomerId id) {
        return jdbc.sql(SELECT + "where c.id = ?").param(id.value()).query((rs, n) -> found(rs)).optional();
    }

    /** A timestamptz as epoch microseconds: exact, and no time-zone text to parse. */
    private static String micros(String column) {
        return "(extract(epoch from " + column + ") * 1000000)::bigint";
    }

    private Found found(ResultSet rs) throws SQLException {
        List<CustomerPhone> phones = list(rs.getString("phones"), p -> new CustomerPhone(new PhoneNumber(p.get(0).stringValue()),
                PhoneLabel.valueOf(p.get(1).stringValue()), p.get(2).booleanValue()));
        Customer customer = customers.customer(rs, phones);
        DerivedFigures figures = rs.getObject("figures_of") == null ? null : CustomerFigures.figures(rs);
        List<ServiceRequest> open = list(rs.getString("open_requests"), r -> new ServiceRequest(r.get(0).longValue(),
                ServiceRequest.Kind.valueOf(r.get(1).stringValue()), r.get(2).stringValue(),
                ServiceRequest.Status.valueOf(r.get(3).stringValue()), instant(r.get(4)), instant(r.get(5))));
        String next = rs.getString("next_contact");
        Optional<CarePlanContact> contact = next == null ? Optional.empty() : Optional.of(contact(json.readTree(next)));
        List<Interaction> interactions = list(rs.getString("interactions"), CardQuery::interaction);
        return new Found(customer, figures, open, contact, interactions);
    }

    private static CarePlanContact contact(JsonNode c) {
        return new CarePlanContact(c.get(0).longValue(), instant(c.get(1)), c.get(2).stringValue(),
                Channel.valueOf(c.get(3).stringValue()), text(c.get(4)), instant(c.get(5)));
    }

    private static Interaction interaction(JsonNode i) {
        return new Interaction(i.get(0).longValue(), Channel.valueOf(i.get(1).stringValue()),
                Direction.valueOf(i.get(2).stringValue()), text(i.get(3)), text(i.get(4)), text(i.get(5)),
                i.get(6).stringValue(), text(i.get(7)), text(i.get(8)), instant(i.get(9)), instant(i.get(10)),
                integer(i.get(11)), integer(i.get(12)), integer(i.get(13)), integer(i.get(14)), integer(i.get(15)));
    }

    private <T> List<T> list(String array, java.util.function.Function<JsonNode, T> element) {
        if (array == null) {
            return List.of(); // json_agg over no rows is null
        }
        JsonNode nodes = json.readTree(array);
        List<T> list = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            list.add(element.apply(node));
        }
        return list;
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.stringValue();
    }

    private static Integer integer(JsonNode node) {
        return node.isNull() ? null : node.intValue();
    }

    private static Instant instant(JsonNode micros) {
        if (micros.isNull()) {
            return null;
        }
        long value = micros.longValue();
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
    }
}
