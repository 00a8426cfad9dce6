package io.cti.core.customers;

import io.cti.core.phone.PhoneNumber;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** Builders of valid profiles and histories for the customer tests; numbers are unique per JVM. */
final class CustomerFixtures {

    // the counter keeps numbers unique across all tests of the JVM, which share one PostgreSQL server
    private static final AtomicLong NUMBERS = new AtomicLong(2_000_000);

    private CustomerFixtures() {
    }

    /** A fresh, valid, unused E.164 number (Chinese mobile range 139...). */
    static PhoneNumber newNumber() {
        return new PhoneNumber("+86139" + String.format("%08d", NUMBERS.incrementAndGet()));
    }

    static CustomerPhone mobile(PhoneNumber number, boolean primary) {
        return new CustomerPhone(number, PhoneLabel.MOBILE, primary);
    }

    static CustomerProfile individual(String name, CustomerPhone... phones) {
        return new CustomerProfile(CustomerKind.INDIVIDUAL, CustomerType.CURRENT, name, null, Address.NONE, null, null,
                null, null, null, null, null, null, null, null, List.of(phones), Map.of());
    }

    static CustomerProfile individual(String name, CustomerType type) {
        return new CustomerProfile(CustomerKind.INDIVIDUAL, type, name, null, Address.NONE, null, null,
                null, null, null, null, null, null, null, null, List.of(mobile(newNumber(), true)), Map.of());
    }

    static CustomerProfile withName(CustomerProfile p, String name) {
        return new CustomerProfile(p.kind(), p.type(), name, p.email(), p.address(), p.timeZone(), p.preferredLanguage(),
                p.birthDate(), p.gender(), p.occupation(), p.education(), p.industry(), p.legalRepresentative(),
                p.contactPerson(), p.customerSince(), p.phones(), p.attributes());
    }

    static CustomerProfile withType(CustomerProfile p, CustomerType type) {
        return new CustomerProfile(p.kind(), type, p.name(), p.email(), p.address(), p.timeZone(), p.preferredLanguage(),
                p.birthDate(), p.gender(), p.occupation(), p.education(), p.industry(), p.legalRepresentative(),
                p.contactPerson(), p.customerSince(), p.phones(), p.attributes());
    }

    static CustomerProfile withPhones(CustomerProfile p, CustomerPhone... phones) {
        return new CustomerProfile(p.kind(), p.type(), p.name(), p.email(), p.address(), p.timeZone(), p.preferredLanguage(),
                p.birthDate(), p.gender(), p.occupation(), p.education(), p.industry(), p.legalRepresentative(),
                p.contactPerson(), p.customerSince(), List.of(phones), p.attributes());
    }

    static Purchase paid(LocalDate on, String amount) {
        return new Purchase(on, "widget", new BigDecimal(amount), 1, null, null);
    }

    static Purchase onCredit(LocalDate on, String amount, LocalDate dueOn) {
        return new Purchase(on, "widget on credit", new BigDecimal(amount), 1, dueOn, null);
    }

    /** How long a full refresh of a test population (a few hundred customers) may take. */
    static final Duration FULL_REFRESH_LIMIT = Duration.ofSeconds(8);

    /**
     * {@link CustomerFigures#refreshAll()} on a thread of its own, failing (and interrupting it) instead of hanging
     * the test run when it does not finish in time.
     */
    static int refreshAll(CustomerFigures figures) {
        return refreshAllAsync(figures).join(FULL_REFRESH_LIMIT);
    }

    static RunningRefresh refreshAllAsync(CustomerFigures figures) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(figures.refreshAll());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "test-refresh-all");
        thread.setDaemon(true);
        thread.start();
        return new RunningRefresh(thread, result);
    }

    record RunningRefresh(Thread thread, CompletableFuture<Integer> result) {

        int join(Duration limit) {
            try {
                return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                thread.interrupt();
                throw new AssertionError("CustomerFigures.refreshAll() did not finish within " + limit + ": it is stuck", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new AssertionError(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
