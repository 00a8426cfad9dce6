package io.cti.console.customers;

import io.cti.console.ConsoleException;
import io.cti.console.customers.HistoryDrafts.CarePlanContactDraft;
import io.cti.console.customers.HistoryDrafts.InteractionDraft;
import io.cti.console.customers.HistoryDrafts.PurchaseDraft;
import io.cti.console.customers.HistoryDrafts.SatisfactionDraft;
import io.cti.console.customers.HistoryDrafts.ServiceRequestDraft;
import io.cti.core.CoreException;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.FieldError;
import io.cti.core.ids.CustomerId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Adds to a customer's history: purchases, interactions, service requests and complaints, satisfaction scores
 * and care-plan contacts. The customer must exist and the whole entry must be valid before anything is written.
 * Thread-safe (stateless).
 */
@RestController
@RequestMapping(path = "/api/customers/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerHistoryController {

    private final CustomerRepository customers;
    private final CustomerHistory history;
    private final CustomerCards cards;
    private final HistoryValidator validator;

    CustomerHistoryController(CustomerRepository customers, CustomerHistory history, CustomerCards cards,
                              HistoryValidator validator) {
        this.customers = customers;
        this.history = history;
        this.cards = cards;
        this.validator = validator;
    }

    @PostMapping("/purchases")
    ResponseEntity<RecordedEntry> addPurchase(@PathVariable long id, @RequestBody PurchaseDraft draft) {
        CustomerId customer = CustomerIds.existing(id, customers);
        return recorded(customer, history.addPurchase(customer, validator.purchase(draft)));
    }

    @PostMapping("/interactions")
    ResponseEntity<RecordedEntry> recordInteraction(@PathVariable long id, @RequestBody InteractionDraft draft) {
        CustomerId customer = CustomerIds.existing(id, customers);
        return recorded(customer, history.recordInteraction(customer, validator.interaction(draft)));
    }

    @PostMapping("/service-requests")
    ResponseEntity<RecordedEntry> openServiceRequest(@PathVariable long id, @RequestBody ServiceRequestDraft draft) {
        CustomerId customer = CustomerIds.existing(id, customers);
        return recorded(customer, history.openServiceRequest(customer, validator.serviceRequest(draft)));
    }

    @PostMapping("/satisfaction")
    ResponseEntity<RecordedEntry> recordSatisfaction(@PathVariable long id, @RequestBody SatisfactionDraft draft) {
        CustomerId customer = CustomerIds.existing(id, customers);
        HistoryValidator.SatisfactionScore score = validator.satisfaction(draft);
        try {
            return recorded(customer, history.recordSatisfaction(customer, score.score(), score.interactionId(),
                    score.recordedAt(), score.comment()));
        } catch (CoreException e) {
            // The one reference validation cannot check: interactionId must name a stored contact of this customer.
            if (!"no-such-interaction".equals(e.errorId())) {
                throw e;
            }
            throw ConsoleException.invalidInput("satisfaction", List.of(new FieldError("interactionId",
                    "no-such-interaction", e.getMessage())));
        }
    }

    @PostMapping("/care-plan")
    ResponseEntity<RecordedEntry> planContact(@PathVariable long id, @RequestBody CarePlanContactDraft draft) {
        CustomerId customer = CustomerIds.existing(id, customers);
        return recorded(customer, history.planContact(customer, validator.carePlanContact(draft)));
    }

    private ResponseEntity<RecordedEntry> recorded(CustomerId customer, long entryId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new RecordedEntry(entryId,
                cards.byId(customer).orElseThrow(() -> CoreException.noSuchCustomer(customer.toString()))));
    }
}
