package io.cti.router.board;

import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.reservations.FencingToken;
import io.cti.router.reservations.Refusal;
import io.cti.router.reservations.Reservation;
import io.cti.router.waiting.RedisScript;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The board's reservation script ({@code board/reserve.lua}): its arguments from a {@link ReservationRequest} and
 * its answer as a reservation and the agent's new board revision, or a refusal. Stateless.
 */
final class ReserveScript {

    private static final RedisScript RESERVE = RedisScript.load(RedisScript.KEYS_PRELUDE,
            "/io/cti/router/reservations/prelude.lua", "/io/cti/router/board/reserve.lua");
    private static final Duration LONGEST_TIMEOUT = Duration.ofDays(1);

    /** What the script answered: the reservation and the revision the agent's entry got, or why not. */
    record Answer(Reservation reservation, long revision, Refusal refusal) {
    }

    private ReserveScript() {
    }

    /** Runs the script for {@code request}, the agent Reserved since {@code since}. */
    static Answer run(RedisCommands<String, String> redis, RouterKeys keys, ReservationRequest request, Instant since) {
        long timeout = request.timeout().toMillis();
        if (timeout < 1 || request.timeout().compareTo(LONGEST_TIMEOUT) > 0) {
            throw RouterException.reservationTimeoutInvalid("a reservation timeout", request.timeout());
        }
        List<String> args = new ArrayList<>(List.of(keys.root(), request.call().value(), request.agent().value(),
                Long.toString(timeout), request.router().value(), Long.toString(since.toEpochMilli()),
                Long.toString(request.recordKeep().toMillis()), request.recordTokenField()));
        request.recordFields().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        List<Object> reply = RESERVE.run(redis, ScriptOutputType.MULTI, new String[] {keys.call(request.call()),
                keys.boardAgent(request.agent()), keys.callRecord(request.call())}, args.toArray(String[]::new));
        if (!"granted".equals(text(reply, 0))) {
            return new Answer(null, 0, Refusal.ofId(text(reply, 1)));
        }
        Reservation reservation = new Reservation(FencingToken.of(Long.parseLong(text(reply, 1))), request.call(),
                request.agent(), QueueName.of(text(reply, 2)), Double.parseDouble(text(reply, 3)), request.router(),
                Instant.ofEpochMilli(Long.parseLong(text(reply, 4))));
        return new Answer(reservation, Long.parseLong(text(reply, 5)), null);
    }

    private static String text(List<Object> reply, int index) {
        return String.valueOf(reply.get(index));
    }
}
