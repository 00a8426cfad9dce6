package io.cti.router.staff;

import io.cti.core.customers.FieldError;
import io.cti.core.ids.AgentId;
import io.cti.router.RouterException;
import io.cti.router.queues.RouterSchema;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores agent profiles in PostgreSQL (tables {@code router_agent}, {@code router_agent_skill}). Every write is one
 * transaction, so a refused write changes nothing. Agents are deactivated, never deleted (calls and history name
 * them). One phone endpoint belongs to at most one active agent: a ring meant for one must never reach another.
 * Takes profiles already validated ({@link AgentValidator}). Thread-safe.
 */
public final class AgentRepository {

    private static final String COLUMNS = "id, display_name, teams, endpoint, active, version, created_at, updated_at";
    private static final String ENDPOINT_INDEX = "router_agent_endpoint_active";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    /** {@code schema} proves the router's tables exist in {@code dataSource}. */
    public AgentRepository(DataSource dataSource, RouterSchema schema) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Stores a new, active agent at version 1: {@code duplicate-agent} for a taken id, {@code invalid-agent} for a taken endpoint. */
    public StoredAgent create(AgentProfile agent) {
        return transactions.execute(status -> {
            if (exists(agent.id())) {
                throw RouterException.duplicateAgent(agent.id().value());
            }
            refuseTakenEndpoint(agent);
            try {
                jdbc.sql("insert into router_agent (id, display_name, teams, endpoint) values (?, ?, ?, ?)")
                        .params(agent.id().value(), agent.displayName(), agent.teams().toArray(String[]::new), agent.endpoint().toString())
                        .update();
            } catch (DuplicateKeyException e) {
                throw lostRace(agent, e);
            }
            insertSkills(agent);
            return find(agent.id()).orElseThrow();
        });
    }

    /** Replaces a profile (its id stays) and raises its version; {@code stale-agent} if {@code expectedVersion} is not current. */
    public StoredAgent replace(AgentProfile agent, Integer expectedVersion) {
        String id = agent.id().value();
        return transactions.execute(status -> {
            int current = jdbc.sql("select version from router_agent where id = ? for update").param(id)
                    .query(Integer.class).optional().orElseThrow(() -> RouterException.noSuchAgent(id));
            if (expectedVersion != null && expectedVersion != current) {
                throw RouterException.staleAgent(id, expectedVersion, current);
            }
            refuseTakenEndpoint(agent);
            try {
                jdbc.sql("update router_agent set display_name = ?, teams = ?, endpoint = ?, version = version + 1, "
                                + "updated_at = now() where id = ?")
                        .params(agent.displayName(), agent.teams().toArray(String[]::new), agent.endpoint().toString(), id)
                        .update();
            } catch (DuplicateKeyException e) {
                throw lostRace(agent, e);
            }
            jdbc.sql("delete from router_agent_skill where agent_id = ?").param(id).update();
            insertSkills(agent);
            return find(agent.id()).orElseThrow();
        });
    }

    /** The agent may no longer log in (idempotent); their endpoint becomes free for another agent. */
    public StoredAgent deactivate(AgentId id) {
        return transactions.execute(status -> {
            int updated = jdbc.sql("update router_agent set active = false, version = version + 1, updated_at = now() "
                    + "where id = ? and active").param(id.value()).update();
            if (updated == 0 && !exists(id)) {
                throw RouterException.noSuchAgent(id.value());
            }
            return find(id).orElseThrow();
        });
    }

    public Optional<StoredAgent> find(AgentId id) {
        return list("where id = ?", id.value()).stream().findFirst();
    }

    /** Active agents by id; with {@code includeInactive} the deactivated ones too. */
    public List<StoredAgent> list(boolean includeInactive) {
        return includeInactive ? list("", null) : list("where active", null);
    }

    /**
     * A mark that changes whenever an agent is stored, changed or deactivated through this repository (each raises
     * its version): the number of agents and the sum of their versions. Cheap next to {@link #list(boolean)}.
     */
    public String changeMark() {
        return jdbc.sql("select count(*) || ':' || coalesce(sum(version), 0) from router_agent").query(String.class)
                .single();
    }

    /** Whether no agent was ever stored, for seeding demo data only into a new database. */
    public boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from router_agent)").query(Boolean.class).single();
    }

    private boolean exists(AgentId id) {
        return jdbc.sql("select exists(select 1 from router_agent where id = ?)").param(id.value()).query(Boolean.class).single();
    }

    private void refuseTakenEndpoint(AgentProfile agent) {
        jdbc.sql("select id from router_agent where endpoint = ? and active and id <> ?")
                .params(agent.endpoint().toString(), agent.id().value()).query(String.class).optional()
                .ifPresent(owner -> {
                    throw endpointTaken(agent, owner);
                });
    }

    /** Another writer got in between the checks and the write: the same answers the checks would have given. */
    private static RouterException lostRace(AgentProfile agent, DuplicateKeyException e) {
        return String.valueOf(e.getMessage()).contains(ENDPOINT_INDEX) ? endpointTaken(agent, "another agent")
                : RouterException.duplicateAgent(agent.id().value());
    }

    private static RouterException endpointTaken(AgentProfile agent, String owner) {
        return RouterException.invalidInput("agent", List.of(new FieldError("endpoint", "endpoint-taken",
                "endpoint " + agent.endpoint() + " already belongs to active agent " + owner)));
    }

    private void insertSkills(AgentProfile agent) {
        for (Map.Entry<Skill, Proficiency> skill : agent.skills().entrySet()) {
            jdbc.sql("insert into router_agent_skill (agent_id, skill, proficiency) values (?, ?, ?)")
                    .params(agent.id().value(), skill.getKey().name(), skill.getValue().level()).update();
        }
    }

    /** Two queries for any number of agents: rows, then skills. */
    private List<StoredAgent> list(String where, String parameter) {
        JdbcClient.StatementSpec rows = jdbc.sql("select " + COLUMNS + " from router_agent " + where + " order by id");
        List<Row> found = (parameter == null ? rows : rows.param(parameter)).query((rs, n) -> row(rs)).list();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Map<Skill, Proficiency>> skills = new HashMap<>();
        jdbc.sql("select agent_id, skill, proficiency from router_agent_skill where agent_id = any(?)")
                .param(found.stream().map(Row::id).toArray(String[]::new))
                .query(rs -> {
                    skills.computeIfAbsent(rs.getString("agent_id"), k -> new HashMap<>())
                            .put(new Skill(rs.getString("skill")), Proficiency.of(rs.getInt("proficiency")));
                });
        return found.stream().map(r -> new StoredAgent(new AgentProfile(AgentId.of(r.id()), r.displayName(),
                skills.getOrDefault(r.id(), Map.of()), r.teams(), PhoneEndpoint.parse(r.endpoint())),
                r.active(), r.version(), r.createdAt(), r.updatedAt())).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        Array teams = rs.getArray("teams");
        return new Row(rs.getString("id"), rs.getString("display_name"), Arrays.asList((String[]) teams.getArray()),
                rs.getString("endpoint"), rs.getBoolean("active"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** The columns of one agent, before the skills are joined on. */
    private record Row(String id, String displayName, List<String> teams, String endpoint, boolean active, int version,
                       Instant createdAt, Instant updatedAt) {
    }
}
