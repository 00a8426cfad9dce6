package io.cti.pbxsim.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a population file: how the person at {@code phone} behaves when dialed. {@code answer} and
 * {@code machine} hold a probability for each of the 168 local hours of the week (index 0 = Monday 00:00-00:59 in
 * {@code timeZone}); ring time before an answer is uniform in [{@code answerDelayMin}, {@code answerDelayMax}]
 * seconds; talk time with an agent is lognormal with {@code talkMean}/{@code talkSd} seconds. Immutable.
 */
public record Callee(String phone, ZoneId timeZone, double[] answer, double[] machine, double busy,
                     double answerDelayMin, double answerDelayMax, double talkMean, double talkSd,
                     String segment, String customerRef) {

    public static final int HOURS_OF_WEEK = 168;

    public Callee {
        if (answer.length != HOURS_OF_WEEK || machine.length != HOURS_OF_WEEK) {
            throw new IllegalArgumentException("answer and machine need 168 hourly probabilities");
        }
        answer = answer.clone();
        machine = machine.clone();
    }

    @Override
    public double[] answer() {
        return answer.clone();
    }

    @Override
    public double[] machine() {
        return machine.clone();
    }

    /** The probability of an answer (person or machine) when dialed at {@code time}. */
    public double answerAt(Instant time) {
        return answer[hourOfWeek(time)];
    }

    /** Given an answer at {@code time}, the probability that it is a machine. */
    public double machineAt(Instant time) {
        return machine[hourOfWeek(time)];
    }

    /** The callee's local hour of the week at {@code time}: 0 = Monday 00:00-00:59, 167 = Sunday 23:00-23:59. */
    public int hourOfWeek(Instant time) {
        ZonedDateTime local = time.atZone(timeZone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Callee callee && phone.equals(callee.phone) && timeZone.equals(callee.timeZone)
                && Arrays.equals(answer, callee.answer) && Arrays.equals(machine, callee.machine)
                && busy == callee.busy && answerDelayMin == callee.answerDelayMin
                && answerDelayMax == callee.answerDelayMax && talkMean == callee.talkMean
                && talkSd == callee.talkSd && Objects.equals(segment, callee.segment)
                && Objects.equals(customerRef, callee.customerRef);
    }

    @Override
    public int hashCode() {
        return phone.hashCode();
    }

    @Override
    public String toString() {
        return "Callee[" + phone + " " + timeZone + (segment == null ? "" : " " + segment) + "]";
    }
}
