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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;

/** The reason codes of Not ready over HTTP: list, read one, add one. Thread-safe (stateless). */
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
    ResponseEntity<ReasonCode> create(@RequestBody ReasonCodeDraft draft) {
        ReasonCode created = codes.create(validator.validate(draft));
        log.info("reason code {} created", created.code());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{code}").buildAndExpand(created.code()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping
    List<ReasonCode> list() {
        return codes.list();
    }

    @GetMapping("/{code}")
    ReasonCode get(@PathVariable String code) {
        return codes.find(code).orElseThrow(() -> RouterException.noSuchReasonCode(
                AgentValidator.CODE.matcher(code).matches() ? code : "(not a reason code)"));
    }
}
