package io.cti.router.stats;

import io.cti.core.ids.QueueName;

import java.time.Duration;
import java.time.Instant;

/**
 * A queue's real-time figures at one instant, as a wallboard shows them. Service level counts calls answered
 * within the queue's target against calls answered plus calls abandoned after the short-abandon threshold; the
 * abandon rate likewise leaves short abandons out (a caller who hangs up in the first seconds was never really
 * waiting). Rates are fractions 0..1, or NaN when nothing was offered yet. Immutable.
 *
 * @param waiting            calls waiting now
 * @param longestWait        how long the oldest waiting call has waited
 * @param serviceLevelRolling service level over the last 15 minutes
 * @param serviceLevelToday  service level since midnight in the center's zone
 * @param averageSpeedOfAnswer mean wait of the calls answered today (ASA)
 * @param averageHandleTime  mean talk + hold + wrap-up of the calls completed today (AHT)
 * @param abandonRate        calls abandoned after the short-abandon threshold today, over those answered plus them
 */
public record QueueFigures(QueueName queue, Instant at, int waiting, Duration longestWait,
                           double serviceLevelRolling, double serviceLevelToday, Duration averageSpeedOfAnswer,
                           Duration averageHandleTime, double abandonRate, int answeredToday, int abandonedToday,
                           int shortAbandonsToday) {
}
