package io.cti.router.staff;

import io.cti.router.queues.ExpectedVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;

/**
 * The agent-profile edge of the router: create, replace, read, list and deactivate agents. Validation and
 * storage belong to {@link AgentCatalog}; errors are answered by the router API's shared advice. Every answer
 * about one agent carries its version as the ETag. Thread-safe (stateless).
 */
@RestController
@RequestMapping(path = "/api/agents", produces = MediaType.APPLICATION_JSON_VALUE)
class AgentController {

    private static final Logger log = LoggerFactory.getLogger(AgentController.class);

    private final AgentCatalog catalog;

    AgentController(AgentCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgentView> create(@RequestBody AgentDraft draft) {
        StoredAgent created = catalog.create(draft);
        String id = created.profile().id().value();
        log.info("agent {} created", id);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(ExpectedVersion.etag(created.version())).body(AgentView.of(created));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgentView> replace(@PathVariable String id, @RequestBody AgentDraft draft,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestParam(name = "version", required = false) String version) {
        StoredAgent replaced = catalog.replace(id, draft, ExpectedVersion.from(ifMatch, version));
        log.info("agent {} replaced, now version {}", id, replaced.version());
        return withEtag(replaced);
    }

    @GetMapping("/{id}")
    ResponseEntity<AgentView> get(@PathVariable String id) {
        return withEtag(catalog.get(id));
    }

    /** Active agents by id; {@code includeInactive=true} lists the deactivated ones too. */
    @GetMapping
    List<AgentView> list(@RequestParam(name = "includeInactive", defaultValue = "false") boolean includeInactive) {
        return catalog.list(includeInactive).stream().map(AgentView::of).toList();
    }

    /** The agent can no longer log in; not a DELETE, since calls and history keep naming them. */
    @PostMapping("/{id}/deactivate")
    ResponseEntity<AgentView> deactivate(@PathVariable String id) {
        StoredAgent deactivated = catalog.deactivate(id);
        log.info("agent {} deactivated", id);
        return withEtag(deactivated);
    }

    private static ResponseEntity<AgentView> withEtag(StoredAgent agent) {
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(agent.version())).body(AgentView.of(agent));
    }
}
