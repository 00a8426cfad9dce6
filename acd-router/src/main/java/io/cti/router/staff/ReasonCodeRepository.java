package io.cti.router.staff;

import io.cti.router.RouterException;
import io.cti.router.queues.RouterSchema;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * The catalog of reason codes an agent can give for Not ready, in PostgreSQL ({@code router_reason_code}); the
 * migration seeds the codes the platform itself uses ({@link ReasonCode#NO_ANSWER}) and a few common ones. Codes
 * are added and retired, not changed or removed: agent history keeps naming them. Thread-safe.
 */
public final class ReasonCodeRepository {

    private final JdbcClient jdbc;

    /** {@code schema} proves the router's tables exist in {@code dataSource}. */
    public ReasonCodeRepository(DataSource dataSource, RouterSchema schema) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Adds a code; {@code duplicate-reason-code} if it exists. One statement, so a refusal writes nothing. */
    public ReasonCode create(ReasonCode code) {
        try {
            jdbc.sql("insert into router_reason_code (code, label, productive) values (?, ?, ?)")
                    .params(code.code(), code.label(), code.productive()).update();
        } catch (DuplicateKeyException e) {
            throw RouterException.duplicateReasonCode(code.code());
        }
        return code;
    }

    public Optional<ReasonCode> find(String code) {
        return jdbc.sql("select code, label, productive, active from router_reason_code where code = ?").param(code)
                .query(ReasonCodeRepository::row).optional();
    }

    /** Every code, retired and system ones too, by code. */
    public List<ReasonCode> list() {
        return jdbc.sql("select code, label, productive, active from router_reason_code order by code")
                .query(ReasonCodeRepository::row).list();
    }

    /**
     * Stops offering {@code code} to agents; retiring a retired code changes nothing. The platform's own codes
     * cannot be retired ({@code system-reason-code}): the router keeps setting them.
     */
    public ReasonCode retire(String code) {
        ReasonCode found = find(code).orElseThrow(() -> RouterException.noSuchReasonCode(code));
        if (found.system()) {
            throw RouterException.systemReasonCode(code);
        }
        jdbc.sql("update router_reason_code set active = false where code = ?").param(code).update();
        return new ReasonCode(found.code(), found.label(), found.productive(), false);
    }

    private static ReasonCode row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ReasonCode(rs.getString("code"), rs.getString("label"), rs.getBoolean("productive"),
                rs.getBoolean("active"));
    }
}
