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
 * are added, not changed or removed: agent history keeps naming them. Thread-safe.
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
        return jdbc.sql("select code, label, productive from router_reason_code where code = ?").param(code)
                .query((rs, n) -> new ReasonCode(rs.getString("code"), rs.getString("label"), rs.getBoolean("productive")))
                .optional();
    }

    /** Every code, by code. */
    public List<ReasonCode> list() {
        return jdbc.sql("select code, label, productive from router_reason_code order by code")
                .query((rs, n) -> new ReasonCode(rs.getString("code"), rs.getString("label"), rs.getBoolean("productive")))
                .list();
    }
}
