package io.cti.console.access;

import io.cti.console.ConsoleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;

/**
 * The default run's demo users: an administrator, a supervisor, a campaign manager and one agent user per configured
 * demo agent ({@code cti.console.demo.agents}), each created only when no user of that name exists, and printed at
 * start-up with its password while it still has the demo one. Runs when the application has started, before it
 * reports ready, so whoever decides on ready which agents nobody logs in as (the platform's agent bots) sees them.
 * Thread-safe.
 */
final class DemoUsers implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    static final String BY = "demo set-up";

    /** One demo user: name, password, roles and agent. */
    record DemoUser(String username, String password, String displayName, List<String> roles, String agentId) {

        UserDraft draft() {
            return new UserDraft(username, displayName, password, roles, agentId, true);
        }
    }

    private final UserAdmin admin;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final List<String> agents;

    DemoUsers(UserAdmin admin, UserRepository users, PasswordEncoder passwords, List<String> agents) {
        this.admin = admin;
        this.users = users;
        this.passwords = passwords;
        this.agents = List.copyOf(agents);
    }

    static final String SUPERVISOR = "supervisor";
    /** The demo supervisor's phone: listen, whisper and barge ring it. */
    static final String SUPERVISOR_PHONE = "PJSIP/3001";

    /** The demo users of {@code agents}, the administrator first. */
    static List<DemoUser> of(List<String> agents) {
        List<DemoUser> all = new ArrayList<>(List.of(
                new DemoUser("admin", "admin-demo", "Demo administrator", List.of("ADMIN"), null),
                new DemoUser("supervisor", "supervisor-demo", "Demo supervisor", List.of("SUPERVISOR"), null),
                new DemoUser("campaigns", "campaigns-demo", "Demo campaign manager", List.of("CAMPAIGN_MANAGER"), null)));
        agents.forEach(agent -> all.add(new DemoUser(agent, agent + "-demo", "Demo agent " + agent, List.of("AGENT"),
                agent)));
        return all;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        List<String> lines = new ArrayList<>();
        for (DemoUser demo : of(agents)) {
            try {
                StoredUser user = users.find(demo.username()).orElseGet(() -> admin.create(demo.draft(), BY));
                if (demo.username().equals(SUPERVISOR) && users.phoneEndpoint(SUPERVISOR).isEmpty()) {
                    // The demo supervisor listens in from a phone of their own, beside the agents' 2001-2030.
                    users.setPhoneEndpoint(SUPERVISOR, SUPERVISOR_PHONE);
                }
                if (user.enabled() && passwords.matches(demo.password(), user.passwordHash())) {
                    lines.add("  " + demo.username() + " / " + demo.password() + "  "
                            + user.principal().roles() + (user.principal().agentId() == null ? ""
                            : " takes calls as " + user.principal().agentId()));
                }
            } catch (ConsoleException e) {
                // A misconfigured demo (an agent the router does not know) must not stop the platform.
                log.warn("demo user {} not created: {}", demo.username(), e.getMessage());
            }
        }
        if (!lines.isEmpty()) {
            log.info("Demo users (demo only, change their passwords or turn them off with cti.console.demo.enabled=false):\n{}",
                    String.join("\n", lines));
        }
    }
}
