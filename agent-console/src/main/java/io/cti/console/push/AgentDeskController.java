package io.cti.console.push;

import io.cti.console.ConsoleException;
import io.cti.console.access.ConsolePrincipal;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.AgentStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Map;

/**
 * The agent's desk over REST under {@code /api/agent} (AGENT only), for clients without the socket: the agent's own
 * state and pop as the console knows them, the transfer picker's targets, a state change, a wrap-up. There is no agent id in any path: the agent
 * is always the logged-in user's. Thread-safe (stateless).
 */
@RestController
@RequestMapping(path = "/api/agent", produces = MediaType.APPLICATION_JSON_VALUE)
class AgentDeskController {

    /** A state change: READY, NOT_READY (with a reason code) or LOGGED_OUT. */
    record StateChange(String agentId, String status, String reason) {
    }

    private final AgentDesk desk;
    private final PushHub hub;
    private final ObjectProvider<AgentNames> names;

    AgentDeskController(AgentDesk desk, PushHub hub, ObjectProvider<AgentNames> names) {
        this.desk = desk;
        this.hub = hub;
        this.names = names;
    }

    /** The same snapshot the socket sends on connect, as its {@code data}. */
    @GetMapping
    ResponseEntity<String> snapshot(@AuthenticationPrincipal ConsolePrincipal user) {
        AgentId agent = AgentDesk.ownAgent(user, null);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(hub.agentSnapshot(agent).text());
    }

    /** The queues and the other agents (with their state) the desktop's transfer picker offers. */
    @GetMapping("/transfer-targets")
    TransferTargets transferTargets(@AuthenticationPrincipal ConsolePrincipal user) {
        AgentId agent = AgentDesk.ownAgent(user, null);
        AgentNames directory = names.getIfAvailable();
        return hub.transferTargets(agent, directory == null ? Map.of() : directory.names());
    }

    @PostMapping(path = "/state", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> changeState(@AuthenticationPrincipal ConsolePrincipal user,
                                                    @RequestBody StateChange change) {
        AgentStatus requested = status(change.status());
        AgentId agent = desk.changeState(user, change.agentId(), requested, change.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("agentId", agent.value(),
                "requested", requested.name()));
    }

    @PostMapping(path = "/wrap-up", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> wrapUp(@AuthenticationPrincipal ConsolePrincipal user,
                                               @RequestBody WrapUpForm form) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("callId", desk.wrapUp(user, form).value()));
    }

    private static AgentStatus status(String status) {
        String name = status == null ? "" : status.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (name) {
            case "READY" -> AgentStatus.READY;
            case "NOT_READY" -> AgentStatus.NOT_READY;
            case "LOGGED_OUT" -> AgentStatus.LOGGED_OUT;
            default -> throw ConsoleException.invalidParameter("status", "unknown-status",
                    "one of READY, NOT_READY, LOGGED_OUT");
        };
    }
}
