package io.cti.console.testapp;

import io.cti.console.access.ConsolePrincipal;
import io.cti.console.access.Role;
import io.cti.console.access.UserRepository;
import io.cti.core.ids.AgentId;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes console users for tests straight in the user table (as an administrator would through the API), each with a
 * fresh name, and the one API client the customer API tests share. The tests share one database, so no two tests
 * ever use the same user. Thread-safe.
 */
public final class TestUsers {

    /** Every test user's password. */
    public static final String PASSWORD = "correct horse battery";
    /** The customer API tests' client: a supervisor, who may use the customer API without being an agent. */
    public static final String CLERK = "clerk";

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Map<AgentId, String> agentNames = new ConcurrentHashMap<>();

    TestUsers(UserRepository users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        if (users.find(CLERK).isEmpty()) {
            users.create(new ConsolePrincipal(CLERK, "Customer API tests", Set.of(Role.SUPERVISOR), null),
                    passwords.encode(PASSWORD), true, clock.instant());
        }
    }

    /** A new enabled user with {@code roles}; the name starts with {@code prefix}. */
    public String create(String prefix, Role... roles) {
        String username = prefix + "-" + NAMES.incrementAndGet();
        users.create(new ConsolePrincipal(username, "Test " + username, Set.of(roles), null),
                passwords.encode(PASSWORD), true, clock.instant());
        return username;
    }

    /** The names of the agents made here, as an agent directory would give them. */
    public Map<AgentId, String> agentNames() {
        return Map.copyOf(agentNames);
    }

    /** A new enabled AGENT user linked to a new agent id; returns the user name, which is also the agent id. */
    public String agent() {
        String username = "agent-test-" + NAMES.incrementAndGet();
        users.create(new ConsolePrincipal(username, "Test " + username, Set.of(Role.AGENT), username),
                passwords.encode(PASSWORD), true, clock.instant());
        agentNames.put(AgentId.of(username), "Test " + username);
        return username;
    }
}
