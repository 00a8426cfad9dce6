package io.cti.core.customers;

import io.cti.core.CoreException;
import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores and finds customers' static data (profile and phones) in PostgreSQL. Every write is one
 * transaction: a refused write changes nothing. Customers are never deleted. Thread-safe.
 */
public final class CustomerRepository {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };
    static final String COLUMNS = """
            c.id, c.kind, c.type, c.name, c.email, c.address_line, c.city, c.region, c.postal_code, c.country,
            c.time_zone, c.preferred_language, c.birth_date, c.gender, c.occupation, c.education, c.industry,
            c.legal_representative, c.contact_person, c.customer_since, c.attributes::text as attributes,
            c.created_at, c.updated_at, c.version""";

    /** One search-result line per customer: the primary (else first) phone and the grade. */
    private static final String SUMMARIES = """
            select c.id, c.name, c.kind, c.type, c.city, f.grade,
                   (select e164 from customer_phone p where p.customer_id = c.id
                    order by p.is_primary desc, p.e164 limit 1) as phone
            from customer c left join customer_figures f on f.customer_id = c.id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CustomerFigures figures;

    public CustomerRepository(DataSource dataSource, CustomerFigures figures) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.figures = figures;
    }

    /** Stores a new customer with its figures; a phone number that already belongs to someone else refuses the whole customer. */
    public CustomerId create(CustomerProfile profile) {
        return transactions.execute(status -> {
            refuseTakenPhones(null, profile.phones());
            long id = jdbc.sql("""
                            insert into customer (kind, type, name, email, address_line, city, region, postal_code, country,
                                time_zone, preferred_language, birth_date, gender, occupation, education, industry,
                                legal_representative, contact_person, customer_since, attributes)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                            returning id""")
                    .params(profileParams(profile))
                    .query(Long.class).single();
            CustomerId customerId = CustomerId.of(id);
            insertPhones(customerId, profile.phones());
            figures.refresh(customerId);
            return customerId;
        });
    }

    /**
     * Replaces a customer's static data. With {@code expectedVersion} set, a customer changed by someone else
     * since it was read is refused rather than overwritten.
     */
    public Customer update(CustomerId id, CustomerProfile profile, Integer expectedVersion) {
        return transactions.execute(status -> {
            int current = jdbc.sql("select version from customer where id = ? for update").param(id.value())
                    .query(Integer.class).optional()
                    .orElseThrow(() -> CoreException.noSuchCustomer(id.toString()));
            if (expectedVersion != null && expectedVersion != current) {
                throw CoreException.staleCustomer(id.toString(), expectedVersion, current);
            }
            refuseTakenPhones(id, profile.phones());
            List<Object> params = new ArrayList<>(profileParams(profile));
            params.add(id.value());
            jdbc.sql("""
                            update customer set kind = ?, type = ?, name = ?, email = ?, address_line = ?, city = ?, region = ?,
                                postal_code = ?, country = ?, time_zone = ?, preferred_language = ?, birth_date = ?, gender = ?,
                                occupation = ?, education = ?, industry = ?, legal_representative = ?, contact_person = ?,
                                customer_since = ?, attributes = ?::jsonb, updated_at = now(), version = version + 1
                            where id = ?""")
                    .params(params).update();
            jdbc.sql("delete from customer_phone where customer_id = ?").param(id.value()).update();
            insertPhones(id, profile.phones());
            figures.refresh(id);
            return find(id).orElseThrow(() -> CoreException.noSuchCustomer(id.toString()));
        });
    }

    public Optional<Customer> find(CustomerId id) {
        Optional<Customer> customer = jdbc.sql("select " + COLUMNS + " from customer c where c.id = ?")
                .param(id.value())
                .query((rs, n) -> customer(rs, phonesOf(rs.getLong("id"))))
                .optional();
        return customer;
    }

    /** The client the card query shares with this repository (same pool). */
    JdbcClient jdbc() {
        return jdbc;
    }

    public boolean exists(CustomerId id) {
        return jdbc.sql("select exists(select 1 from customer where id = ?)").param(id.value())
                .query(Boolean.class).single();
    }

    /** The customer a number belongs to; one index lookup. */
    public Optional<CustomerId> findIdByPhone(PhoneNumber number) {
        return jdbc.sql("select customer_id from customer_phone where e164 = ?").param(number.e164())
                .query(Long.class).optional().map(CustomerId::of);
    }

    /** Customers whose name starts with, then contains, {@code text} (case-insensitive), best matches first. */
    public List<CustomerSummary> searchByName(String text, int limit) {
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        String escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql(SUMMARIES + """
                        where lower(c.name) like ? escape '\\'
                        order by (lower(c.name) like ? escape '\\') desc, c.name, c.id
                        limit ?""")
                .params("%" + escaped + "%", escaped + "%", limit)
                .query((rs, n) -> summary(rs))
                .list();
    }

    public List<CustomerSummary> summariesByIds(List<CustomerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SUMMARIES + "where c.id = any(?) order by c.id")
                .param(ids.stream().map(CustomerId::value).toArray(Long[]::new))
                .query((rs, n) -> summary(rs))
                .list();
    }

    private static CustomerSummary summary(ResultSet rs) throws SQLException {
        String phone = rs.getString("phone");
        String grade = rs.getString("grade");
        return new CustomerSummary(CustomerId.of(rs.getLong("id")), rs.getString("name"),
                CustomerKind.valueOf(rs.getString("kind")), CustomerType.valueOf(rs.getString("type")),
                phone == null ? null : new PhoneNumber(phone), rs.getString("city"),
                grade == null ? null : Grade.valueOf(grade));
    }

    private void refuseTakenPhones(CustomerId self, List<CustomerPhone> phones) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            Optional<CustomerId> owner = findIdByPhone(phones.get(i).number());
            if (owner.isPresent() && !owner.get().equals(self)) {
                errors.add(new FieldError("phones[" + i + "].number", "phone-taken",
                        "this number already belongs to customer " + owner.get()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCustomerException(errors);
        }
    }

    private void insertPhones(CustomerId id, List<CustomerPhone> phones) {
        for (int i = 0; i < phones.size(); i++) {
            CustomerPhone phone = phones.get(i);
            try {
                jdbc.sql("insert into customer_phone (customer_id, e164, label, is_primary) values (?, ?, ?, ?)")
                        .params(id.value(), phone.number().e164(), phone.label().name(), phone.primary())
                        .update();
            } catch (DuplicateKeyException e) {
                // Lost a race with another writer between the check and the insert: same answer as the check.
                throw new InvalidCustomerException(List.of(new FieldError("phones[" + i + "].number", "phone-taken",
                        "number " + phone.number().masked() + " was just given to another customer")));
            }
        }
    }

    private List<CustomerPhone> phonesOf(long customerId) {
        return jdbc.sql("select e164, label, is_primary from customer_phone where customer_id = ? order by is_primary desc, e164")
                .param(customerId)
                .query((rs, n) -> new CustomerPhone(new PhoneNumber(rs.getString("e164")),
                        PhoneLabel.valueOf(rs.getString("label")), rs.getBoolean("is_primary")))
                .list();
    }

    private List<Object> profileParams(CustomerProfile p) {
        List<Object> params = new ArrayList<>();
        params.add(p.kind().name());
        params.add(p.type().name());
        params.add(p.name());
        params.add(p.email());
        params.add(p.address().line());
        params.add(p.address().city());
        params.add(p.address().region());
        params.add(p.address().postalCode());
        params.add(p.address().country());
        params.add(p.timeZone() == null ? null : p.timeZone().getId());
        params.add(p.preferredLanguage());
        params.add(p.birthDate() == null ? null : Date.valueOf(p.birthDate()));
        params.add(p.gender() == null ? null : p.gender().name());
        params.add(p.occupation());
        params.add(p.education());
        params.add(p.industry());
        params.add(p.legalRepresentative());
        params.add(p.contactPerson());
        params.add(p.customerSince() == null ? null : Date.valueOf(p.customerSince()));
        params.add(json.writeValueAsString(p.attributes()));
        return params;
    }

    /** The customer of a row holding {@link #COLUMNS}, with the phones read beside it. */
    Customer customer(ResultSet rs, List<CustomerPhone> phones) throws SQLException {
        String zone = rs.getString("time_zone");
        String gender = rs.getString("gender");
        CustomerProfile profile = new CustomerProfile(
                CustomerKind.valueOf(rs.getString("kind")), CustomerType.valueOf(rs.getString("type")),
                rs.getString("name"), rs.getString("email"),
                new Address(rs.getString("address_line"), rs.getString("city"), rs.getString("region"),
                        rs.getString("postal_code"), rs.getString("country")),
                zone == null ? null : ZoneId.of(zone), rs.getString("preferred_language"),
                localDate(rs, "birth_date"), gender == null ? null : Gender.valueOf(gender),
                rs.getString("occupation"), rs.getString("education"), rs.getString("industry"),
                rs.getString("legal_representative"), rs.getString("contact_person"), localDate(rs, "customer_since"),
                phones, json.readValue(rs.getString("attributes"), ATTRIBUTES));
        return new Customer(CustomerId.of(rs.getLong("id")), profile, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
