package io.cti.router.callbacks;

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
 * The callback edge of the router: schedule a callback, read one with its attempts, list what is scheduled, cancel
 * one not yet due. Validation and storage belong to {@link CallbackBook}; errors are answered by the router API's
 * shared advice ({@code invalid-callback} 400, {@code no-such-callback} 404, {@code callback-not-pending} 409).
 * Thread-safe (stateless).
 */
@RestController
@RequestMapping(path = "/api/callbacks", produces = MediaType.APPLICATION_JSON_VALUE)
class CallbackController {

    private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

    private final CallbackBook book;
    private final CallbackRepository callbacks;

    CallbackController(CallbackBook book, CallbackRepository callbacks) {
        this.book = book;
        this.callbacks = callbacks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CallbackView> schedule(@RequestBody CallbackDraft draft) {
        Callback scheduled = book.schedule(draft);
        log.info("callback {} scheduled for {} in {}", scheduled.id(), scheduled.dueAt(), scheduled.queue());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(scheduled.id().value()).toUri();
        return ResponseEntity.created(location).body(CallbackView.of(scheduled));
    }

    @GetMapping("/{id}")
    CallbackView get(@PathVariable long id) {
        return CallbackView.of(book.get(id));
    }

    @GetMapping("/{id}/attempts")
    List<CallbackAttempt> attempts(@PathVariable long id) {
        return callbacks.attempts(book.get(id).id());
    }

    /** Open callbacks (pending or queued) by due time; {@code includeClosed=true} lists done and given up ones too. */
    @GetMapping
    List<CallbackView> list(@RequestParam(name = "includeClosed", defaultValue = "false") boolean includeClosed) {
        return book.list(includeClosed).stream().map(CallbackView::of).toList();
    }

    /** Withdraws a callback not yet due; it keeps its row (CANCELLED). */
    @PostMapping("/{id}/cancel")
    CallbackView cancel(@PathVariable long id) {
        Callback cancelled = book.cancel(id);
        log.info("callback {} cancelled", cancelled.id());
        return CallbackView.of(cancelled);
    }
}
