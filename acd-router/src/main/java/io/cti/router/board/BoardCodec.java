package io.cti.router.board;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.agents.Agent;
import io.cti.router.staff.AgentProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A board entry as the fields of the agent's Redis hash and back, joined with the agent's profile (skills, teams,
 * phone) from the definitions, which the hash does not hold. Stateless.
 */
final class BoardCodec {

    private static final Logger LOG = LoggerFactory.getLogger(BoardCodec.class);

    private BoardCodec() {
    }

    /**
     * The entry of the agent with {@code profile} whose hash is {@code hash} (empty: never on the board); counts of
     * calls and talk written on another day than {@code today} (or before days were kept) read as none.
     */
    static BoardEntry read(AgentProfile profile, Map<String, String> hash, Instant now, LocalDate today) {
        String endpoint = profile.endpoint().toString();
        Set<String> teams = new HashSet<>(profile.teams());
        if (hash.isEmpty()) {
            return new BoardEntry(Agent.loggedOut(profile.id(), profile.skills(), teams, endpoint, now), 0, null, null);
        }
        try {
            boolean ofToday = today.toString().equals(hash.get("day"));
            Agent agent = new Agent(profile.id(), profile.skills(), teams, endpoint, StateCodec.read(hash.get("state")),
                    millis(hash.get("since")), ofToday ? Integer.parseInt(hash.get("calls")) : 0,
                    millis(hash.get("idleSince")),
                    ofToday ? Duration.ofMillis(Long.parseLong(hash.get("talk"))) : Duration.ZERO);
            String call = hash.getOrDefault("wrapUpCall", "");
            String afterCall = hash.getOrDefault("afterCall", "");
            return new BoardEntry(agent, Long.parseLong(hash.get("rev")), call.isEmpty() ? null : CallId.of(call),
                    afterCall.isEmpty() ? null : afterCall);
        } catch (RuntimeException e) {
            // A damaged entry must not take routing down; the agent starts over as logged out.
            LOG.warn("agent {} has an unreadable board entry ({}); treating them as logged out", profile.id(), e.toString());
            long revision = hash.containsKey("rev") ? Long.parseLong(hash.get("rev")) : 0;
            return new BoardEntry(Agent.loggedOut(profile.id(), profile.skills(), teams, endpoint, now), revision,
                    null, null);
        }
    }

    /** The same entry with the agent's current profile (a supervisor may have changed skills or phone). */
    static BoardEntry withProfile(BoardEntry entry, AgentProfile profile) {
        Agent a = entry.agent();
        if (a.skills().equals(profile.skills()) && a.endpoint().equals(profile.endpoint().toString())
                && a.teams().equals(Set.copyOf(profile.teams()))) {
            return entry;
        }
        Agent agent = new Agent(profile.id(), profile.skills(), new HashSet<>(profile.teams()),
                profile.endpoint().toString(), a.state(), a.since(), a.callsToday(), a.idleSince(), a.talkTime());
        return new BoardEntry(agent, entry.revision(), entry.wrapUpCall(), entry.notReadyAfterCall());
    }

    /** The state fields of {@code next}, its counts those of {@code day}, as field, value, field, value... */
    static String[] stateFields(BoardEntry next, LocalDate day) {
        Agent a = next.agent();
        return new String[] {"state", StateCodec.write(a.state()), "since", Long.toString(a.since().toEpochMilli()),
                "calls", Integer.toString(a.callsToday()), "idleSince", Long.toString(a.idleSince().toEpochMilli()),
                "talk", Long.toString(a.talkTime().toMillis()), "day", day.toString(),
                "wrapUpCall", next.wrapUpCall() == null ? "" : next.wrapUpCall().value(),
                "afterCall", next.notReadyAfterCall() == null ? "" : next.notReadyAfterCall()};
    }

    /** A flat Redis reply (field, value, ...) from {@code from} on as a map. */
    static Map<String, String> pairs(List<?> flat, int from) {
        Map<String, String> map = new HashMap<>();
        for (int i = from; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return map;
    }

    /** An agent the definitions do not know: refused by every move. */
    static BoardEntry unknown(AgentId agent, Instant now) {
        return new BoardEntry(Agent.loggedOut(agent, Map.of(), Set.of(), "Unknown/" + agent.value(), now), 0, null, null);
    }

    private static Instant millis(String text) {
        return Instant.ofEpochMilli(Long.parseLong(text));
    }
}
