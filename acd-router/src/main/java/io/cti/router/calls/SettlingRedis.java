package io.cti.router.calls;

import io.lettuce.core.api.sync.RedisCommands;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * The flow's synchronous Redis commands, each of which first has the reservations in flight taken in
 * ({@link ReservationsInFlight#beforeCommand}): whatever a desk reads or writes is then decided on a memory that is
 * not behind what the flow already sent. A proxy rather than calls at each desk, so that no path can forget it.
 * Thread-safe as the commands it wraps (answers are taken in only by the thread holding the flow's lock).
 */
final class SettlingRedis implements InvocationHandler {

    /** What is not a command: the connection itself and the client's helpers. */
    private static final Set<String> NOT_COMMANDS = Set.of("getStatefulConnection", "getJsonParser", "equals",
            "hashCode", "toString", "isOpen", "setTimeout");

    private final RedisCommands<String, String> commands;
    private final ReservationsInFlight inFlight;

    private SettlingRedis(RedisCommands<String, String> commands, ReservationsInFlight inFlight) {
        this.commands = commands;
        this.inFlight = inFlight;
    }

    @SuppressWarnings("unchecked")
    static RedisCommands<String, String> of(RedisCommands<String, String> commands, ReservationsInFlight inFlight) {
        return (RedisCommands<String, String>) Proxy.newProxyInstance(RedisCommands.class.getClassLoader(),
                new Class<?>[] {RedisCommands.class}, new SettlingRedis(commands, inFlight));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (!NOT_COMMANDS.contains(method.getName())) {
            inFlight.beforeCommand();
        }
        try {
            return method.invoke(commands, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
