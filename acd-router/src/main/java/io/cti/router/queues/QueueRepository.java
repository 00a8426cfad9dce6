package io.cti.router.queues;

import io.cti.core.customers.FieldError;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.routing.RoutingStrategy;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Stores queue definitions in PostgreSQL (tables {@code router_queue*}). Every write is one transaction, so a
 * refused write changes nothing. Queues are never deleted, only retired: calls in flight, routing decisions and
 * statistics keep naming them. Takes definitions already validated ({@link QueueValidator}). Thread-safe.
 */
public final class QueueRepository {

    private static final String COLUMNS = """
            name, display_name, service_level_percent, service_level_seconds, short_abandon_seconds, max_wait_seconds,
            callback_offered, strategy, sticky_wait_seconds, ring_timeout_seconds, wrap_up_seconds, active, version,
            created_at, updated_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    /** {@code schema} proves the router's tables exist in {@code dataSource}. */
    public QueueRepository(DataSource dataSource, RouterSchema schema) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Stores a new, active queue at version 1; a name already taken (retired queues included) is {@code duplicate-queue}. */
    public StoredQueue create(QueueDefinition queue) {
        return transactions.execute(status -> {
            try {
                jdbc.sql("insert into router_queue (name, display_name, service_level_percent, service_level_seconds, "
                                + "short_abandon_seconds, max_wait_seconds, callback_offered, strategy, sticky_wait_seconds, "
                                + "ring_timeout_seconds, wrap_up_seconds) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(columnValues(queue)).update();
            } catch (DuplicateKeyException e) {
                throw RouterException.duplicateQueue(queue.name().value());
            }
            insertParts(queue);
            return find(queue.name()).orElseThrow();
        });
    }

    /**
     * Replaces a queue's definition (its name stays) and raises its version; with {@code expectedVersion} set, a
     * queue changed by someone else since it was read is {@code stale-queue} rather than overwritten. A retired
     * queue stays retired.
     */
    public StoredQueue replace(QueueDefinition queue, Integer expectedVersion) {
        String name = queue.name().value();
        return transactions.execute(status -> {
            int current = jdbc.sql("select version from router_queue where name = ? for update").param(name)
                    .query(Integer.class).optional().orElseThrow(() -> RouterException.noSuchQueue(name));
            if (expectedVersion != null && expectedVersion != current) {
                throw RouterException.staleQueue(name, expectedVersion, current);
            }
            List<Object> params = new ArrayList<>(columnValues(queue).subList(1, 11));
            params.add(name);
            jdbc.sql("update router_queue set display_name = ?, service_level_percent = ?, service_level_seconds = ?, "
                            + "short_abandon_seconds = ?, max_wait_seconds = ?, callback_offered = ?, strategy = ?, "
                            + "sticky_wait_seconds = ?, ring_timeout_seconds = ?, wrap_up_seconds = ?, "
                            + "version = version + 1, updated_at = now() where name = ?")
                    .params(params).update();
            jdbc.sql("delete from router_queue_overflow_skill where queue_name = ?").param(name).update();
            jdbc.sql("delete from router_queue_overflow where queue_name = ?").param(name).update();
            jdbc.sql("delete from router_queue_skill where queue_name = ?").param(name).update();
            insertParts(queue);
            return find(queue.name()).orElseThrow();
        });
    }

    /**
     * Takes a queue out of service (idempotent); its row and definition stay. Refused with {@code queue-in-use}
     * while an active queue's overflow still moves calls into it, so no call is ever moved to a retired queue.
     */
    public StoredQueue retire(QueueName name) {
        return transactions.execute(status -> {
            jdbc.sql("select 1 from router_queue where name = ? for update").param(name.value())
                    .query(Integer.class).optional().orElseThrow(() -> RouterException.noSuchQueue(name.value()));
            List<String> sources = jdbc.sql("""
                            select distinct o.queue_name from router_queue_overflow o
                            join router_queue q on q.name = o.queue_name
                            where o.move_to = ? and q.active and o.queue_name <> ? order by o.queue_name""")
                    .params(name.value(), name.value()).query(String.class).list();
            if (!sources.isEmpty()) {
                throw RouterException.queueInUse(name.value(), sources);
            }
            jdbc.sql("update router_queue set active = false, version = version + 1, updated_at = now() where name = ? and active")
                    .param(name.value()).update();
            return find(name).orElseThrow();
        });
    }

    public Optional<StoredQueue> find(QueueName name) {
        return list("where name = ?", name.value()).stream().findFirst();
    }

    /** Active queues by name; with {@code includeRetired} the retired ones too. */
    public List<StoredQueue> list(boolean includeRetired) {
        return includeRetired ? list("", null) : list("where active", null);
    }

    public boolean isActive(QueueName name) {
        return jdbc.sql("select exists(select 1 from router_queue where name = ? and active)").param(name.value())
                .query(Boolean.class).single();
    }

    /**
     * A mark that changes whenever a queue is stored, changed or retired through this repository (each raises its
     * version): the number of queues and the sum of their versions. Cheap next to {@link #list(boolean)}.
     */
    public String changeMark() {
        return jdbc.sql("select count(*) || ':' || coalesce(sum(version), 0) from router_queue").query(String.class)
                .single();
    }

    /** Whether no queue was ever stored (retired ones count), for seeding demo data only into a new database. */
    public boolean isEmpty() {
        return !jdbc.sql("select exists(select 1 from router_queue)").query(Boolean.class).single();
    }

    /** Three queries for any number of queues: rows, skills, overflow steps with their skills. */
    private List<StoredQueue> list(String where, String parameter) {
        JdbcClient.StatementSpec rows = jdbc.sql("select " + COLUMNS + " from router_queue " + where + " order by name");
        List<Row> found = (parameter == null ? rows : rows.param(parameter)).query((rs, n) -> row(rs)).list();
        if (found.isEmpty()) {
            return List.of();
        }
        String[] names = found.stream().map(Row::name).toArray(String[]::new);
        Map<String, List<SkillRequirement>> skills = jdbc.sql(
                        "select queue_name, skill, minimum from router_queue_skill where queue_name = any(?) order by skill")
                .param(names).query((rs, n) -> Map.entry(rs.getString("queue_name"), requirement(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, Map<Integer, List<SkillRequirement>>> widened = new TreeMap<>();
        jdbc.sql("select queue_name, position, skill, minimum from router_queue_overflow_skill where queue_name = any(?) order by skill")
                .param(names).query(rs -> {
                    widened.computeIfAbsent(rs.getString("queue_name"), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getInt("position"), k -> new ArrayList<>()).add(requirement(rs));
                });
        Map<String, List<OverflowStep>> overflow = new TreeMap<>();
        jdbc.sql("select queue_name, position, after_seconds, move_to from router_queue_overflow where queue_name = any(?) order by position")
                .param(names).query(rs -> {
                    String queue = rs.getString("queue_name");
                    String moveTo = rs.getString("move_to");
                    OverflowAction action = moveTo != null ? new OverflowAction.MoveToQueue(QueueName.of(moveTo))
                            : new OverflowAction.WidenSkills(widened.getOrDefault(queue, Map.of()).getOrDefault(rs.getInt("position"), List.of()));
                    overflow.computeIfAbsent(queue, k -> new ArrayList<>())
                            .add(new OverflowStep(Duration.ofSeconds(rs.getInt("after_seconds")), action));
                });
        return found.stream().map(r -> r.toStored(skills.getOrDefault(r.name(), List.of()), overflow.getOrDefault(r.name(), List.of()))).toList();
    }

    private void insertParts(QueueDefinition queue) {
        String name = queue.name().value();
        for (SkillRequirement skill : queue.skills()) {
            jdbc.sql("insert into router_queue_skill (queue_name, skill, minimum) values (?, ?, ?)")
                    .params(name, skill.skill().name(), skill.minimum().level()).update();
        }
        for (int position = 0; position < queue.overflow().size(); position++) {
            OverflowStep step = queue.overflow().get(position);
            String moveTo = step.action() instanceof OverflowAction.MoveToQueue move ? move.target().value() : null;
            try {
                jdbc.sql("insert into router_queue_overflow (queue_name, position, after_seconds, move_to) values (?, ?, ?, ?)")
                        .params(name, position, Math.toIntExact(step.after().toSeconds()), moveTo).update();
            } catch (DataIntegrityViolationException e) {
                // The target vanished between validation and this insert (only a rename or a foreign write could).
                throw RouterException.invalidInput("queue", List.of(new FieldError("overflow[" + position + "].moveTo",
                        "no-such-queue", "no queue named '" + moveTo + "'")));
            }
            if (step.action() instanceof OverflowAction.WidenSkills widen) {
                for (SkillRequirement skill : widen.requirements()) {
                    jdbc.sql("insert into router_queue_overflow_skill (queue_name, position, skill, minimum) values (?, ?, ?, ?)")
                            .params(name, position, skill.skill().name(), skill.minimum().level()).update();
                }
            }
        }
    }

    private static List<Object> columnValues(QueueDefinition q) {
        return List.of(q.name().value(), q.displayName(), q.serviceLevel().percent(), seconds(q.serviceLevel().within()),
                seconds(q.shortAbandon()), seconds(q.maxWait()), q.callbackOffered(), q.strategy().name(),
                seconds(q.stickyWait()), seconds(q.ringTimeout()), seconds(q.wrapUp()));
    }

    private static int seconds(Duration duration) {
        return Math.toIntExact(duration.toSeconds());
    }

    private static SkillRequirement requirement(ResultSet rs) throws SQLException {
        return new SkillRequirement(new Skill(rs.getString("skill")), Proficiency.of(rs.getInt("minimum")));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("name"), rs.getString("display_name"),
                new ServiceLevelTarget(rs.getInt("service_level_percent"), Duration.ofSeconds(rs.getInt("service_level_seconds"))),
                rs.getInt("short_abandon_seconds"), rs.getInt("max_wait_seconds"), rs.getBoolean("callback_offered"),
                RoutingStrategy.valueOf(rs.getString("strategy")), rs.getInt("sticky_wait_seconds"),
                rs.getInt("ring_timeout_seconds"), rs.getInt("wrap_up_seconds"), rs.getBoolean("active"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** The scalar columns of one queue, before its skills and overflow steps are joined on. */
    private record Row(String name, String displayName, ServiceLevelTarget serviceLevel, int shortAbandon, int maxWait,
                       boolean callbackOffered, RoutingStrategy strategy, int stickyWait, int ringTimeout, int wrapUp,
                       boolean active, int version, java.time.Instant createdAt, java.time.Instant updatedAt) {

        StoredQueue toStored(List<SkillRequirement> skills, List<OverflowStep> overflow) {
            QueueDefinition definition = new QueueDefinition(QueueName.of(name), displayName, skills, serviceLevel,
                    Duration.ofSeconds(shortAbandon), Duration.ofSeconds(maxWait), overflow, callbackOffered, strategy,
                    Duration.ofSeconds(stickyWait), Duration.ofSeconds(ringTimeout), Duration.ofSeconds(wrapUp));
            return new StoredQueue(definition, active, version, createdAt, updatedAt);
        }
    }
}
