package io.cti.router.board;

import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.reservations.FencingToken;
import io.cti.router.reservations.Refusal;
import io.cti.router.reservations.Reservation;
import io.cti.router.waiting.RedisScript;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The board's reservation script ({@code board/reserve.lua}): its arguments from a {@link ReservationRequest} and
 * its answer as a reservation and the agent's new board revision, or a refusal. Stateless.
 */
final class ReserveScript {

    static final String BOARD_PRELUDE = "/io/cti/router/board/prelude.lua";
    private static final String RESERVATIONS = "/io/cti/router/reservations/prelude.lua";
    private static final RedisScript RESERVE = RedisScript.load(RedisScript.KEYS_PRELUDE, RESERVATIONS, BOARD_PRELUDE,
            "/io/cti/router/board/reserve.lua");
    private static final RedisScript READY_RESERVE = RedisScript.load(RedisScript.KEYS_PRELUDE, RESERVATIONS,
            BOARD_PRELUDE, "/io/cti/router/board/ready-reserve.lua");
    private static final Duration LONGEST_TIMEOUT = Duration.ofDays(1);

    /**
     * What the script answered: the reservation and the revision the agent's entry got, or why not; after a move
     * that turned out stale, the agent's hash as found ({@code staleAgent}: -1, then its pairs) and nothing else.
     */
    record Answer(Reservation reservation, long revision, Refusal refusal, List<Object> staleAgent) {
    }

    private ReserveScript() {
    }

    /** Runs the script for {@code request}, the agent Reserved since {@code since}. */
    static Answer run(RedisCommands<String, String> redis, RouterKeys keys, ReservationRequest request, Instant since) {
        List<String> args = new ArrayList<>(List.of(keys.root()));
        args.addAll(reservationArgs(request, since));
        List<Object> reply = RESERVE.run(redis, ScriptOutputType.MULTI, new String[] {keys.call(request.call()),
                keys.boardAgent(request.agent()), keys.callRecord(request.call())}, args.toArray(String[]::new));
        return answer(request, reply, 0);
    }

    /**
     * Runs the move that frees the agent ({@code moveArgs} as {@code board/move.lua} takes them: root, agent,
     * expected revision, ready action, idleSince, fields) and, if it was written, the reservation, in one script.
     */
    static Answer runAfterMove(RedisCommands<String, String> redis, RouterKeys keys, ReservationRequest request,
                               Instant since, List<String> moveArgs) {
        List<Object> reply = READY_RESERVE.run(redis, ScriptOutputType.MULTI, afterMoveKeys(keys, request),
                afterMoveArgs(keys, request, since, moveArgs));
        return afterMoveAnswer(request, reply);
    }

    /**
     * As {@link #runAfterMove}, sent without waiting for the answer; the future fails as
     * {@link RedisScript#runLater} says (take the answer in with {@link #answerOf}).
     */
    static CompletableFuture<Answer> runAfterMoveLater(RedisAsyncCommands<String, String> redis, RouterKeys keys,
                                                       ReservationRequest request, Instant since,
                                                       List<String> moveArgs) {
        return READY_RESERVE.<List<Object>>runLater(redis, ScriptOutputType.MULTI, afterMoveKeys(keys, request),
                afterMoveArgs(keys, request, since, moveArgs)).thenApply(reply -> afterMoveAnswer(request, reply));
    }

    /** The answer of a {@link #runAfterMoveLater}, as {@link RedisScript#answerOf} takes it in. */
    static Answer answerOf(CompletableFuture<Answer> sent, Supplier<Answer> runAgain) {
        return READY_RESERVE.answerOf(sent, runAgain);
    }

    private static String[] afterMoveKeys(RouterKeys keys, ReservationRequest request) {
        return new String[] {keys.boardAgent(request.agent()), keys.boardRoster(), keys.call(request.call()),
                keys.callRecord(request.call())};
    }

    private static String[] afterMoveArgs(RouterKeys keys, ReservationRequest request, Instant since,
                                          List<String> moveArgs) {
        List<String> fields = moveArgs.subList(5, moveArgs.size());
        List<String> args = new ArrayList<>(List.of(keys.root(), Integer.toString(fields.size()), moveArgs.get(1),
                moveArgs.get(2), moveArgs.get(4)));
        args.addAll(fields);
        List<String> reservation = reservationArgs(request, since);
        args.add(reservation.get(0));
        args.addAll(reservation.subList(2, reservation.size()));
        return args.toArray(String[]::new);
    }

    private static Answer afterMoveAnswer(ReservationRequest request, List<Object> reply) {
        if (((Number) reply.get(0)).longValue() < 0) {
            return new Answer(null, 0, null, reply);
        }
        return answer(request, reply, 1);
    }

    /** callId, agentId, timeout, routerId, since, record TTL, token field, then the record's fields and values. */
    private static List<String> reservationArgs(ReservationRequest request, Instant since) {
        long timeout = request.timeout().toMillis();
        if (timeout < 1 || request.timeout().compareTo(LONGEST_TIMEOUT) > 0) {
            throw RouterException.reservationTimeoutInvalid("a reservation timeout", request.timeout());
        }
        List<String> args = new ArrayList<>(List.of(request.call().value(), request.agent().value(),
                Long.toString(timeout), request.router().value(), Long.toString(since.toEpochMilli()),
                Long.toString(request.recordKeep().toMillis()), request.recordTokenField()));
        request.recordFields().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        return args;
    }

    /** The reservation script's answer from {@code reply}'s element {@code at} on. */
    private static Answer answer(ReservationRequest request, List<Object> reply, int at) {
        if (!"granted".equals(text(reply, at))) {
            return new Answer(null, 0, Refusal.ofId(text(reply, at + 1)), null);
        }
        Reservation reservation = new Reservation(FencingToken.of(Long.parseLong(text(reply, at + 1))),
                request.call(), request.agent(), QueueName.of(text(reply, at + 2)),
                Double.parseDouble(text(reply, at + 3)), request.router(),
                Instant.ofEpochMilli(Long.parseLong(text(reply, at + 4))));
        return new Answer(reservation, Long.parseLong(text(reply, at + 5)), null, null);
    }

    private static String text(List<Object> reply, int index) {
        return String.valueOf(reply.get(index));
    }
}
