package io.cti.core.demo;

import io.cti.core.customers.CarePlanContact;
import io.cti.core.customers.CustomerBulkLoader;
import io.cti.core.customers.CustomerProfile;
import io.cti.core.customers.Interaction;
import io.cti.core.customers.Purchase;
import io.cti.core.customers.ServiceRequest;

import java.util.List;
import java.util.Objects;

/**
 * One demo customer with their whole history, as {@link DemoCustomers} makes it: {@code index} is its
 * position in the generator's sequence (the same seed, today and index always give the same customer).
 * Lists are in time order; ids of history rows are 0 (not stored yet). Immutable.
 */
public record GeneratedCustomer(long index, CustomerProfile profile, List<Purchase> purchases,
                                List<Interaction> interactions, List<ServiceRequest> serviceRequests,
                                List<CustomerBulkLoader.Score> satisfactionScores,
                                List<CustomerBulkLoader.Campaign> campaigns, List<CarePlanContact> carePlan)
        implements CustomerBulkLoader.Source {

    public GeneratedCustomer {
        Objects.requireNonNull(profile, "profile");
        purchases = List.copyOf(purchases);
        interactions = List.copyOf(interactions);
        serviceRequests = List.copyOf(serviceRequests);
        satisfactionScores = List.copyOf(satisfactionScores);
        campaigns = List.copyOf(campaigns);
        carePlan = List.copyOf(carePlan);
    }
}
