package io.cti.router.staff;

import io.cti.router.RouterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;

/**
 * The reason codes of Not ready over HTTP: list, read one, add one, retire one. The plain list is what an agent
 * going Not ready may choose (active codes the platform does not set itself); administrators ask for the rest.
 * Thread-safe (stateless).
 */
@RestController
@RequestMapping(path = "/api/reason-codes", produces = MediaType.APPLICATION_JSON_VALUE)
class ReasonCodeController {

    private static final Logger log = LoggerFactory.getLogger(ReasonCodeController.class);

    private final ReasonCodeRepository codes;
    private final AgentValidator validator;

    ReasonCodeController(ReasonCodeRepository codes, AgentValidator validator) {
        this.codes = codes;
        this.validator = validator;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReasonCodeView> create(@RequestBody ReasonCodeDraft draft) {
        ReasonCode created = codes.create(validator.validate(draft));
        log.info("reason code {} created", created.code());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{code}").buildAndExpand(created.code()).toUri();
        return ResponseEntity.created(location).body(ReasonCodeView.of(created));
    }

    /**
     * The codes an agent may choose, by code; {@code includeRetired=true} adds the retired ones and
     * {@code includeSystem=true} the ones only the platform sets (RONA's {@code no-answer}).
     */
    @GetMapping
    List<ReasonCodeView> list(@RequestParam(name = "includeRetired", defaultValue = "false") boolean includeRetired,
                              @RequestParam(name = "includeSystem", defaultValue = "false") boolean includeSystem) {
        return codes.list().stream()
                .filter(code -> includeRetired || code.active())
                .filter(code -> includeSystem || !code.system())
                .map(ReasonCodeView::of).toList();
    }

    @GetMapping("/{code}")
    ReasonCodeView get(@PathVariable String code) {
        return ReasonCodeView.of(codes.find(code).orElseThrow(() -> RouterException.noSuchReasonCode(printable(code))));
    }

    /** Agents are no longer offered the code; it stays, since agent history names it. Not a DELETE for that reason. */
    @PostMapping("/{code}/retire")
    ReasonCodeView retire(@PathVariable String code) {
        ReasonCode retired = codes.retire(printable(code));
        log.info("reason code {} retired", retired.code());
        return ReasonCodeView.of(retired);
    }

    private static String printable(String code) {
        return AgentValidator.CODE.matcher(code).matches() ? code : "(not a reason code)";
    }
}
