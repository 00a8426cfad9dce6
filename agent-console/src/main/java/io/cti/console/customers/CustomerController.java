package io.cti.console.customers;

import io.cti.core.CoreException;
import io.cti.core.customers.Customer;
import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerDraft;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.CustomerValidator;
import io.cti.core.ids.CustomerId;
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

/**
 * The customer edge of the console: create, replace and read customers and their screen-pop card. Validation
 * and storage belong to cti-core; this class only maps HTTP onto them. Thread-safe (stateless).
 */
@RestController
@RequestMapping(path = "/api/customers", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerController {

    private static final Logger log = LoggerFactory.getLogger(CustomerController.class);

    private final CustomerRepository customers;
    private final CustomerCards cards;
    private final CustomerValidator validator;

    CustomerController(CustomerRepository customers, CustomerCards cards, CustomerValidator validator) {
        this.customers = customers;
        this.cards = cards;
        this.validator = validator;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CustomerCard> create(@RequestBody CustomerDraft draft) {
        CustomerId id = customers.create(validator.validate(draft));
        log.info("customer {} created", id);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id.value()).toUri();
        return ResponseEntity.created(location).body(card(id));
    }

    /** Full replace; with If-Match (or {@code version}) a customer changed since the client read it is refused. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CustomerCard replace(@PathVariable long id, @RequestBody CustomerDraft draft,
                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                         @RequestParam(name = "version", required = false) String version) {
        CustomerId customerId = CustomerIds.existing(id, customers);
        Integer expected = ExpectedVersion.from(ifMatch, version);
        Customer updated = customers.update(customerId, validator.validate(draft), expected);
        log.info("customer {} replaced, now version {}", customerId, updated.version());
        return card(customerId);
    }

    /** The stored static data with its version and timestamps (the Location of a created customer). */
    @GetMapping("/{id}")
    Customer customer(@PathVariable long id) {
        CustomerId customerId = CustomerIds.of(id);
        return customers.find(customerId).orElseThrow(() -> CoreException.noSuchCustomer(customerId.toString()));
    }

    /** The screen-pop payload: profile, derived figures, alerts, last interactions, open requests, next contact. */
    @GetMapping("/{id}/card")
    CustomerCard card(@PathVariable long id) {
        return card(CustomerIds.of(id));
    }

    private CustomerCard card(CustomerId id) {
        return cards.byId(id).orElseThrow(() -> CoreException.noSuchCustomer(id.toString()));
    }
}
