package io.cti.router.queues;

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
 * The queue edge of the router: create, replace, read, list and retire queue definitions. Validation and storage
 * belong to {@link QueueCatalog}; this class only maps HTTP onto it. Every answer about one queue carries its
 * version as the ETag, which If-Match sends back on a replace. Thread-safe (stateless).
 */
@RestController
@RequestMapping(path = "/api/queues", produces = MediaType.APPLICATION_JSON_VALUE)
class QueueController {

    private static final Logger log = LoggerFactory.getLogger(QueueController.class);

    private final QueueCatalog catalog;

    QueueController(QueueCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QueueView> create(@RequestBody QueueDraft draft) {
        StoredQueue created = catalog.create(draft);
        String name = created.definition().name().value();
        log.info("queue {} created", name);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{name}").buildAndExpand(name).toUri();
        return ResponseEntity.created(location).eTag(ExpectedVersion.etag(created.version())).body(QueueView.of(created));
    }

    /** Full replace; with If-Match (or {@code version}) a queue changed since the client read it is refused. */
    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<QueueView> replace(@PathVariable String name, @RequestBody QueueDraft draft,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestParam(name = "version", required = false) String version) {
        Integer expected = ExpectedVersion.from(ifMatch, version);
        StoredQueue replaced = catalog.replace(name, draft, expected);
        log.info("queue {} replaced, now version {}", name, replaced.version());
        return withEtag(replaced);
    }

    @GetMapping("/{name}")
    ResponseEntity<QueueView> get(@PathVariable String name) {
        return withEtag(catalog.get(name));
    }

    /** Active queues by name; {@code includeRetired=true} lists the retired ones too. */
    @GetMapping
    List<QueueView> list(@RequestParam(name = "includeRetired", defaultValue = "false") boolean includeRetired) {
        return catalog.list(includeRetired).stream().map(QueueView::of).toList();
    }

    /**
     * Takes the queue out of service. Not a DELETE: the queue is not deleted, calls and history keep naming it,
     * and GET keeps answering it (inactive).
     */
    @PostMapping("/{name}/retire")
    ResponseEntity<QueueView> retire(@PathVariable String name) {
        StoredQueue retired = catalog.retire(name);
        log.info("queue {} retired", name);
        return withEtag(retired);
    }

    private static ResponseEntity<QueueView> withEtag(StoredQueue queue) {
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(queue.version())).body(QueueView.of(queue));
    }
}
