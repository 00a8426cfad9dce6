package io.cti.console.customers;

import io.cti.core.CoreException;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.ids.CustomerId;

/** Turns the id in a request path into a customer id, answering "no such customer" for ids that cannot exist. Stateless. */
final class CustomerIds {

    private CustomerIds() {
    }

    /** The id as written; 0 and negative ids name no customer, so they are a 404 rather than a 500. */
    static CustomerId of(long id) {
        if (id < 1) {
            throw CoreException.noSuchCustomer(Long.toString(id));
        }
        return CustomerId.of(id);
    }

    /** The id of a stored customer; checked before validating a body, so an unknown customer is a 404 first. */
    static CustomerId existing(long id, CustomerRepository customers) {
        CustomerId customerId = of(id);
        if (!customers.exists(customerId)) {
            throw CoreException.noSuchCustomer(customerId.toString());
        }
        return customerId;
    }
}
