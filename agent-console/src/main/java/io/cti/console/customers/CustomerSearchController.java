package io.cti.console.customers;

import io.cti.console.ConsoleException;
import io.cti.core.CoreException;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerDraft;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.CustomerSummary;
import io.cti.core.customers.FieldError;
import io.cti.core.phone.PhoneNumber;
import io.cti.core.phone.PhoneNumberNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Finds customers by phone number (the screen-pop lookup: a card, or a prefilled draft for an unknown caller)
 * or by name (a list to pick from). Exactly one criterion per request. Thread-safe (stateless).
 */
@RestController
@RequestMapping(path = "/api/customers/search", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerSearchController {

    static final int MAX_LIMIT = 100;
    private static final Logger log = LoggerFactory.getLogger(CustomerSearchController.class);

    private final CustomerRepository customers;
    private final CustomerCards cards;
    private final PhoneNumberNormalizer phones;

    CustomerSearchController(CustomerRepository customers, CustomerCards cards, PhoneNumberNormalizer phones) {
        this.customers = customers;
        this.cards = cards;
        this.phones = phones;
    }

    @GetMapping(params = {"phone", "!name"})
    ResponseEntity<Object> byPhone(@RequestParam String phone) {
        PhoneNumber number = normalize(phone);
        return cards.byNumber(number).<ResponseEntity<Object>>map(ResponseEntity::ok).orElseGet(() -> {
            log.debug("no customer for {}", number.masked());
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(unknownCaller(number));
        });
    }

    @GetMapping(params = {"name", "!phone"})
    List<CustomerSummary> byName(@RequestParam String name, @RequestParam(defaultValue = "20") int limit) {
        if (name.isBlank()) {
            throw ConsoleException.invalidParameter("name", "required", "a name (or the start of one) is required");
        }
        if (name.strip().length() > FieldChecks.MAX_LINE) {
            throw ConsoleException.invalidParameter("name", "too-long", "at most " + FieldChecks.MAX_LINE + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ConsoleException.invalidParameter("limit", "out-of-range", "must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        return customers.searchByName(name, limit);
    }

    /** Neither {@code phone} nor {@code name}, or both: the two mappings above did not match. */
    @GetMapping
    void withoutExactlyOneCriterion() {
        String message = "search by exactly one of the parameters phone or name";
        throw ConsoleException.invalidParameters(List.of(new FieldError("phone", "one-of-phone-or-name", message),
                new FieldError("name", "one-of-phone-or-name", message)));
    }

    private PhoneNumber normalize(String phone) {
        try {
            return phones.normalize(phone);
        } catch (CoreException e) {
            // The normalizer's message already masks the input; report it against the parameter it came from.
            if (!"invalid-phone-number".equals(e.errorId())) {
                throw e;
            }
            throw ConsoleException.invalidPhoneParameter("phone", e.getMessage());
        }
    }

    private static UnknownCaller unknownCaller(PhoneNumber number) {
        CustomerDraft draft = new CustomerDraft("INDIVIDUAL", "POTENTIAL", null, null, null, null, null, null, null,
                null, null, null, null, null, null,
                List.of(new CustomerDraft.PhoneDraft(number.e164(), "MOBILE", true)), Map.of());
        return new UnknownCaller("no-such-customer", "no customer has the number " + number.masked(), List.of(), draft);
    }
}
