package io.cti.core.customers;

import io.cti.core.customers.CustomerBulkLoader.Campaign;
import io.cti.core.customers.CustomerBulkLoader.Score;
import io.cti.core.customers.CustomerBulkLoader.Source;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns one batch of customers, with the ids given to them, into the binary COPY data of every table the bulk
 * loader writes, in an order that satisfies the references (customers first, interactions before the scores
 * that point at them). Tables the batch has no rows for are left out. Thread-safe (each call is independent).
 */
final class BatchEncoder {

    private static final String CUSTOMER = "customer (id, kind, type, name, email, address_line, city, region,"
            + " postal_code, country, time_zone, preferred_language, birth_date, gender, occupation, education, industry,"
            + " legal_representative, contact_person, customer_since, attributes)";
    private static final String PHONE = "customer_phone (customer_id, e164, label, is_primary)";
    private static final String PURCHASE = "purchase (customer_id, purchased_on, product, amount, quantity, due_on, paid_on)";
    private static final String INTERACTION = "interaction (id, customer_id, channel, direction, agent_id, call_id,"
            + " queue, outcome, disposition, notes, started_at, ended_at, wait_seconds, ring_seconds, talk_seconds,"
            + " hold_seconds, wrap_up_seconds)";
    private static final String REQUEST = "service_request (customer_id, kind, subject, status, opened_at, closed_at)";
    private static final String SCORE = "satisfaction_score (customer_id, score, interaction_id, recorded_at, comment)";
    private static final String CAMPAIGN = "campaign_participation (customer_id, campaign, joined_on, response)";
    private static final String CARE_PLAN = "care_plan_contact (customer_id, planned_at, purpose, channel, owner_agent, done_at)";

    /** The batch's COPY data, table by table in sending order, and how many rows of each kind it holds. */
    record Encoded(List<CopyWriter.Data> tables, CustomerBulkLoader.Totals totals) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    /** How many interactions the batch holds: the number of interaction ids to draw for it. */
    static int interactions(List<Source> batch) {
        int count = 0;
        for (Source source : batch) {
            count += source.interactions().size();
        }
        return count;
    }

    Encoded encode(List<Source> batch, long[] customerIds, long[] interactionIds) {
        List<CopyWriter.Data> tables = new ArrayList<>(8);
        CustomerBulkLoader.Totals totals = new CustomerBulkLoader.Totals();
        tables.add(customers(batch, customerIds));
        totals.customers = batch.size();
        totals.firstId = customerIds.length == 0 ? 0 : customerIds[0];
        totals.lastId = customerIds.length == 0 ? 0 : customerIds[customerIds.length - 1];
        totals.phones = add(tables, phones(batch, customerIds));
        totals.purchases = add(tables, perCustomer(PURCHASE, batch, customerIds, (out, id, s) -> {
            for (Purchase p : s.purchases()) {
                out.int8(id).date(p.purchasedOn()).text(p.product()).numeric(p.amount()).int4(p.quantity())
                        .date(p.dueOn()).date(p.paidOn()).endRow();
            }
        }));
        totals.interactions = add(tables, interactions(batch, customerIds, interactionIds));
        totals.serviceRequests = add(tables, perCustomer(REQUEST, batch, customerIds, (out, id, s) -> {
            for (ServiceRequest r : s.serviceRequests()) {
                out.int8(id).text(r.kind().name()).text(r.subject()).text(r.status().name())
                        .timestamp(r.openedAt()).timestamp(r.closedAt()).endRow();
            }
        }));
        totals.satisfactionScores = add(tables, scores(batch, customerIds, interactionIds));
        totals.campaigns = add(tables, perCustomer(CAMPAIGN, batch, customerIds, (out, id, s) -> {
            for (Campaign c : s.campaigns()) {
                out.int8(id).text(c.campaign()).date(c.joinedOn()).text(c.response()).endRow();
            }
        }));
        totals.carePlanContacts = add(tables, perCustomer(CARE_PLAN, batch, customerIds, (out, id, s) -> {
            for (CarePlanContact c : s.carePlan()) {
                out.int8(id).timestamp(c.plannedAt()).text(c.purpose()).text(c.channel().name())
                        .text(c.ownerAgent()).timestamp(c.doneAt()).endRow();
            }
        }));
        return new Encoded(List.copyOf(tables), totals);
    }

    /** Adds a table's data unless it has no rows; returns its rows. */
    private static long add(List<CopyWriter.Data> tables, CopyWriter.Data data) {
        if (data.rows() > 0) {
            tables.add(data);
        }
        return data.rows();
    }

    private CopyWriter.Data customers(List<Source> batch, long[] ids) {
        CopyWriter out = new CopyWriter(CUSTOMER);
        for (int i = 0; i < batch.size(); i++) {
            CustomerProfile p = batch.get(i).profile();
            Address a = p.address();
            out.int8(ids[i]).text(p.kind().name()).text(p.type().name()).text(p.name()).text(p.email())
                    .text(a.line()).text(a.city()).text(a.region()).text(a.postalCode()).text(a.country())
                    .text(p.timeZone() == null ? null : p.timeZone().getId()).text(p.preferredLanguage())
                    .date(p.birthDate()).text(p.gender() == null ? null : p.gender().name()).text(p.occupation())
                    .text(p.education()).text(p.industry()).text(p.legalRepresentative()).text(p.contactPerson())
                    .date(p.customerSince()).jsonb(json.writeValueAsString(p.attributes())).endRow();
        }
        return out.finish();
    }

    private record PhoneRow(String e164, long customerId, CustomerPhone phone) {
    }

    /**
     * Phones in number order: a unique index on the number takes them as a run of neighbouring keys rather than
     * scattered over the whole index.
     */
    private static CopyWriter.Data phones(List<Source> batch, long[] ids) {
        List<PhoneRow> rows = new ArrayList<>(batch.size() * 2);
        for (int i = 0; i < batch.size(); i++) {
            for (CustomerPhone phone : batch.get(i).profile().phones()) {
                rows.add(new PhoneRow(phone.number().e164(), ids[i], phone));
            }
        }
        rows.sort(Comparator.comparing(PhoneRow::e164));
        CopyWriter out = new CopyWriter(PHONE);
        for (PhoneRow row : rows) {
            out.int8(row.customerId()).text(row.e164()).text(row.phone().label().name()).bool(row.phone().primary()).endRow();
        }
        return out.finish();
    }

    private static CopyWriter.Data interactions(List<Source> batch, long[] customerIds, long[] interactionIds) {
        CopyWriter out = new CopyWriter(INTERACTION);
        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
            for (Interaction x : batch.get(i).interactions()) {
                out.int8(interactionIds[next++]).int8(customerIds[i]).text(x.channel().name())
                        .text(x.direction().name()).text(x.agentId()).text(x.callId()).text(x.queue())
                        .text(x.outcome()).text(x.disposition()).text(x.notes()).timestamp(x.startedAt())
                        .timestamp(x.endedAt()).int4(x.waitSeconds()).int4(x.ringSeconds()).int4(x.talkSeconds())
                        .int4(x.holdSeconds()).int4(x.wrapUpSeconds()).endRow();
            }
        }
        return out.finish();
    }

    private static CopyWriter.Data scores(List<Source> batch, long[] customerIds, long[] interactionIds) {
        CopyWriter out = new CopyWriter(SCORE);
        int firstInteraction = 0;
        for (int i = 0; i < batch.size(); i++) {
            Source source = batch.get(i);
            int interactions = source.interactions().size();
            for (Score s : source.satisfactionScores()) {
                if (s.interaction() >= interactions) {
                    throw new IllegalArgumentException("a satisfaction score refers to interaction " + s.interaction()
                            + " of a customer with " + interactions);
                }
                out.int8(customerIds[i]).int2(s.score())
                        .int8(s.interaction() < 0 ? null : interactionIds[firstInteraction + s.interaction()])
                        .timestamp(s.recordedAt()).text(s.comment()).endRow();
            }
            firstInteraction += interactions;
        }
        return out.finish();
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(CopyWriter out, long customerId, Source source);
    }

    private static CopyWriter.Data perCustomer(String target, List<Source> batch, long[] customerIds, RowWriter rows) {
        CopyWriter out = new CopyWriter(target);
        for (int i = 0; i < batch.size(); i++) {
            rows.write(out, customerIds[i], batch.get(i));
        }
        return out.finish();
    }
}
