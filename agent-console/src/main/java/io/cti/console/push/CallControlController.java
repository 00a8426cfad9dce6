package io.cti.console.push;

import io.cti.console.access.ConsolePrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Call controls over REST, for clients without the socket: the agent's own call under {@code /api/agent/call/...}
 * and click-to-dial at {@code /api/agent/dial} (AGENT), a supervisor joining a live call at
 * {@code /api/calls/{callId}/spy} (SUPERVISOR, ADMIN). Thread-safe (stateless).
 */
@RestController
class CallControlController {

    /** The call the client believes is the agent's; optional. */
    record CallRef(String callId) {
    }

    record Transfer(String callId, String targetKind, String target) {
    }

    record Dial(String number, Long customerId) {
    }

    record SpyRequest(String mode) {
    }

    private final CallControl calls;
    private final SupervisorDesk supervisors;

    CallControlController(CallControl calls, SupervisorDesk supervisors) {
        this.calls = calls;
        this.supervisors = supervisors;
    }

    @PostMapping(path = "/api/agent/call/hang-up", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> hangUp(@AuthenticationPrincipal ConsolePrincipal user, @RequestBody CallRef ref) {
        return accepted(calls.hangUp(user, ref.callId()).value());
    }

    @PostMapping(path = "/api/agent/call/hold", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> hold(@AuthenticationPrincipal ConsolePrincipal user, @RequestBody CallRef ref) {
        return accepted(calls.hold(user, ref.callId()).value());
    }

    @PostMapping(path = "/api/agent/call/resume", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> resume(@AuthenticationPrincipal ConsolePrincipal user, @RequestBody CallRef ref) {
        return accepted(calls.resume(user, ref.callId()).value());
    }

    @PostMapping(path = "/api/agent/call/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> transfer(@AuthenticationPrincipal ConsolePrincipal user,
                                                 @RequestBody Transfer transfer) {
        return accepted(calls.transfer(user, transfer.callId(), transfer.targetKind(), transfer.target()).value());
    }

    @PostMapping(path = "/api/agent/dial", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> dial(@AuthenticationPrincipal ConsolePrincipal user, @RequestBody Dial dial) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("agentId",
                calls.dial(user, dial.number(), dial.customerId()).value()));
    }

    @PostMapping(path = "/api/calls/{callId}/spy", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> spy(@AuthenticationPrincipal ConsolePrincipal user, @PathVariable String callId,
                                            @RequestBody SpyRequest request) {
        return accepted(supervisors.spy(user, callId, request.mode()).value());
    }

    private static ResponseEntity<Map<String, String>> accepted(String callId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("callId", callId));
    }
}
