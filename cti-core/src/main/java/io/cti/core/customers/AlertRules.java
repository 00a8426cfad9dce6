package io.cti.core.customers;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides which alerts a customer's card raises: VIP (top 20% by value, or marked {@code vip}), overdue payment,
 * open complaint, churn risk, a lost customer to win back, birthday or anniversary today (in the customer's own
 * time zone), and the next planned contact. Pure and thread-safe.
 */
public final class AlertRules {

    private AlertRules() {
    }

    public static List<Alert> alerts(CustomerProfile profile, DerivedFigures figures, List<ServiceRequest> openRequests,
                                     Optional<CarePlanContact> nextContact, LocalDate customersToday) {
        List<Alert> alerts = new ArrayList<>();
        if (figures.topValue() || Boolean.TRUE.equals(profile.attributes().get("vip"))) {
            alerts.add(new Alert(Alert.Kind.VIP, figures.topValue()
                    ? "VIP: among the top 20% of customers by value (" + figures.monetary() + " to date)"
                    : "VIP: marked as VIP"));
        }
        if (figures.creditFlag()) {
            alerts.add(new Alert(Alert.Kind.OVERDUE_PAYMENT, "overdue payment: " + figures.overdueAmount() + " past due"));
        }
        long complaints = openRequests.stream().filter(r -> r.kind() == ServiceRequest.Kind.COMPLAINT && r.isOpen()).count();
        if (complaints > 0) {
            String subject = openRequests.stream().filter(r -> r.kind() == ServiceRequest.Kind.COMPLAINT)
                    .min(Comparator.comparing(ServiceRequest::openedAt)).map(ServiceRequest::subject).orElse("");
            alerts.add(new Alert(Alert.Kind.OPEN_COMPLAINT, complaints == 1
                    ? "open complaint: " + subject : complaints + " open complaints, oldest: " + subject));
        }
        if (figures.churnWarning()) {
            alerts.add(new Alert(Alert.Kind.CHURN_RISK, "churn risk: " + figures.churnReason()));
        }
        if (profile.type() == CustomerType.LOST) {
            alerts.add(new Alert(Alert.Kind.WIN_BACK, "lost customer: a chance to win them back"));
        }
        if (profile.birthDate() != null && isAnniversaryOf(profile.birthDate(), customersToday)) {
            alerts.add(new Alert(Alert.Kind.BIRTHDAY, "birthday today"));
        }
        if (profile.customerSince() != null && profile.customerSince().isBefore(customersToday)
                && isAnniversaryOf(profile.customerSince(), customersToday)) {
            int years = customersToday.getYear() - profile.customerSince().getYear();
            alerts.add(new Alert(Alert.Kind.ANNIVERSARY, years + (years == 1 ? " year" : " years") + " as a customer today"));
        }
        nextContact.ifPresent(c -> alerts.add(new Alert(Alert.Kind.NEXT_CONTACT,
                "planned contact " + c.plannedAt() + ": " + c.purpose())));
        return List.copyOf(alerts);
    }

    /** Same month and day; a 29 February is remembered on 28 February in common years. */
    static boolean isAnniversaryOf(LocalDate date, LocalDate today) {
        MonthDay day = MonthDay.from(date);
        if (day.equals(MonthDay.of(2, 29)) && !Year.isLeap(today.getYear())) {
            return MonthDay.from(today).equals(MonthDay.of(2, 28));
        }
        return MonthDay.from(today).equals(day);
    }
}
