package io.cti.router.waiting;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;

/**
 * The names of the router's keys in Redis (the layout is described on {@link WaitingCalls}); the Lua scripts
 * mirror it in {@code keys.lua}. Immutable and thread-safe.
 *
 * <p>Every key is {@code <prefix>{acd}:...}: the one hash tag puts all of the router's state in one Redis Cluster
 * slot, because a single reservation touches the call's queue, the agent and the reservation records at once and
 * an agent serves many queues, so no finer partition key fits every script. Public because the reservations
 * package shares the layout.
 */
public final class RouterKeys {

    /** The prefix a platform uses unless configured otherwise. */
    public static final String DEFAULT_PREFIX = "cti:router:";

    private static final String HASH_TAG = "{acd}:";

    private final String root;

    private RouterKeys(String root) {
        this.root = root;
    }

    /** The layout under {@code prefix} (such as {@code cti:router:}); tests use a unique prefix each. */
    public static RouterKeys withPrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.chars().anyMatch(Character::isWhitespace)) {
            throw RouterException.keyPrefixInvalid(prefix);
        }
        return new RouterKeys(prefix + HASH_TAG);
    }

    /** The prefix with the hash tag, which every key starts with; the Lua scripts build their keys from it. */
    public String root() {
        return root;
    }

    public String call(CallId call) {
        return root + "call:" + call.value();
    }

    public String ended(CallId call) {
        return root + "ended:" + call.value();
    }

    public String order(QueueName queue) {
        return root + "queue:" + queue.value() + ":order";
    }

    public String since(QueueName queue) {
        return root + "queue:" + queue.value() + ":since";
    }

    public String readyAgents() {
        return root + "agents:ready";
    }

    public String reservedAgents() {
        return root + "agents:reserved";
    }

    public String reservation(long token) {
        return root + "reservation:" + token;
    }

    public String deadlines() {
        return root + "reservations:deadlines";
    }

    public String tokens() {
        return root + "reservations:tokens";
    }

    /** The agent's runtime state on the board (io.cti.router.board.AgentBoard). */
    public String boardAgent(AgentId agent) {
        return root + "board:agent:" + agent.value();
    }

    /** Every agent that ever was on the board. */
    public String boardRoster() {
        return root + "board:agents";
    }

    /** The call flow's record of a call (io.cti.router.calls), kept a day after the call. */
    public String callRecord(CallId call) {
        return root + "flow:call:" + call.value();
    }

    /** The change feed ({@link ChangeFeed}). */
    public String changes() {
        return root + "changes";
    }
}
