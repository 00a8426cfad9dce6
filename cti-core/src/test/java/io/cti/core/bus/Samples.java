package io.cti.core.bus;

import io.cti.core.phone.PhoneNumber;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Builds random, valid instances of any record from its components, so the round-trip tests cover message
 * types added after they were written. A record whose constructor rejects values is retried with ever
 * tamer ones (no nulls, then positive numbers, then plain ASCII). A component type without a generator fails
 * loudly, telling the author of the new type to add one. Stateless; the {@link Random} carries the state.
 */
final class Samples {

    private static final int ATTEMPTS_PER_LEVEL = 10;
    private static final int LEVELS = 3;
    private static final String[] WILD_STRINGS = {
            "", " ", "+49 30 1234567", "Zoë Ødegård", "☎ 📞 通话", "quote \" and backslash \\", "line\nbreak\ttab",
            "{\"json\":\"inside\"}", "<script>", "ü".repeat(300)};

    private Samples() {
    }

    /** A valid instance of {@code type}, a record. */
    static <T> T build(Class<T> type, Random random) {
        if (!type.isRecord()) {
            throw new IllegalStateException("Samples builds records only, not " + type.getName());
        }
        RecordComponent[] components = type.getRecordComponents();
        Constructor<T> constructor;
        try {
            constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        }
        Throwable lastRejection = null;
        for (int attempt = 0; attempt < ATTEMPTS_PER_LEVEL * LEVELS; attempt++) {
            int level = attempt / ATTEMPTS_PER_LEVEL;
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                arguments[i] = value(components[i].getGenericType(), random, level, type);
            }
            if (level == LEVELS - 1) {
                inOrder(arguments);
            }
            try {
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                lastRejection = e.getCause();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot call the constructor of " + type.getName(), e);
            }
        }
        throw new IllegalStateException("no valid " + type.getName() + " after " + ATTEMPTS_PER_LEVEL * LEVELS
                + " attempts; teach Samples its constraints. Last rejection: " + lastRejection, lastRejection);
    }

    /**
     * At the tamest level a record's instants follow its components' order, as records with a start and an end
     * demand; left to chance, one in two such samples was rejected and a property run now and then ran out of tries.
     */
    private static void inOrder(Object[] arguments) {
        List<Integer> slots = new ArrayList<>();
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof Instant instant) {
                slots.add(i);
                instants.add(instant);
            }
        }
        Collections.sort(instants);
        for (int i = 0; i < slots.size(); i++) {
            arguments[slots.get(i)] = instants.get(i);
        }
    }

    /** level 0: anything goes (nulls, negatives, odd text); 1: no nulls, positive numbers; 2: also plain ASCII. */
    private static Object value(Type type, Random random, int level, Class<?> owner) {
        if (type instanceof ParameterizedType parameterized) {
            return container(parameterized, random, level, owner);
        }
        if (!(type instanceof Class<?> c)) {
            throw noGenerator(type, owner);
        }
        if (!c.isPrimitive() && level == 0 && random.nextInt(6) == 0) {
            return null;
        }
        if (c == String.class) {
            return string(random, level);
        }
        if (c == long.class || c == Long.class) {
            return level == 0 ? random.nextLong() : 1 + (random.nextLong() & Long.MAX_VALUE) % (Long.MAX_VALUE - 1);
        }
        if (c == int.class || c == Integer.class) {
            // the tamest level stays small, for scores and counts with a narrow range
            return switch (level) {
                case 0 -> random.nextInt();
                case 1 -> 1 + random.nextInt(Integer.MAX_VALUE - 1);
                default -> 1 + random.nextInt(5);
            };
        }
        if (c == short.class || c == Short.class) {
            return (short) (level == 0 ? random.nextInt() : 1 + random.nextInt(Short.MAX_VALUE - 1));
        }
        if (c == byte.class || c == Byte.class) {
            return (byte) (level == 0 ? random.nextInt() : 1 + random.nextInt(Byte.MAX_VALUE - 1));
        }
        if (c == boolean.class || c == Boolean.class) {
            return random.nextBoolean();
        }
        if (c == double.class || c == Double.class) {
            return (level == 0 ? random.nextGaussian() : random.nextDouble()) * Math.pow(10, random.nextInt(12));
        }
        if (c == float.class || c == Float.class) {
            return random.nextFloat() * 1000;
        }
        if (c == BigDecimal.class) {
            return BigDecimal.valueOf(level == 0 ? random.nextLong() : random.nextLong() & Long.MAX_VALUE, random.nextInt(6));
        }
        if (c == BigInteger.class) {
            return BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE);
        }
        if (c == UUID.class) {
            return new UUID(random.nextLong(), random.nextLong());
        }
        if (c == Instant.class) {
            // 1970 to 2100, with nanoseconds, which the wire format must keep
            return Instant.ofEpochSecond((random.nextLong() & Long.MAX_VALUE) % 4_102_444_800L, random.nextInt(1_000_000_000));
        }
        if (c == LocalDate.class) {
            return LocalDate.ofEpochDay(random.nextInt(60_000));
        }
        if (c == LocalTime.class) {
            return LocalTime.ofNanoOfDay((random.nextLong() & Long.MAX_VALUE) % 86_400_000_000_000L);
        }
        if (c == LocalDateTime.class) {
            return LocalDateTime.of(LocalDate.ofEpochDay(random.nextInt(60_000)),
                    LocalTime.ofNanoOfDay((random.nextLong() & Long.MAX_VALUE) % 86_400_000_000_000L));
        }
        if (c == Duration.class) {
            return Duration.ofMillis(random.nextInt(Integer.MAX_VALUE));
        }
        if (c == PhoneNumber.class) {
            return new PhoneNumber("+" + (1 + random.nextInt(9)) + String.format("%010d", random.nextInt(Integer.MAX_VALUE)));
        }
        if (c == ZoneId.class) {
            String[] zones = {"UTC", "Asia/Shanghai", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe"};
            return ZoneId.of(zones[random.nextInt(zones.length)]);
        }
        if (c == Object.class) {
            // free-form JSON values (a customer's extra attributes): text, whole numbers and booleans
            return switch (random.nextInt(3)) {
                case 0 -> string(random, level);
                case 1 -> random.nextInt(1_000_000);
                default -> random.nextBoolean();
            };
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (c.isRecord()) {
            return build(c, random);
        }
        throw noGenerator(type, owner);
    }

    private static Object container(ParameterizedType type, Random random, int level, Class<?> owner) {
        Type raw = type.getRawType();
        Type[] arguments = type.getActualTypeArguments();
        int size = random.nextInt(4);
        if (raw == List.class || raw == Collection.class) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                list.add(value(arguments[0], random, Math.max(level, 1), owner));
            }
            return List.copyOf(list);
        }
        if (raw == Set.class) {
            Set<Object> set = new LinkedHashSet<>();
            for (int i = 0; i < size; i++) {
                set.add(value(arguments[0], random, Math.max(level, 1), owner));
            }
            return Set.copyOf(set);
        }
        if (raw == Map.class && arguments[0] == String.class) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.put(string(random, 2), value(arguments[1], random, Math.max(level, 1), owner));
            }
            return Map.copyOf(map);
        }
        if (raw == Optional.class) {
            return random.nextBoolean() ? Optional.empty() : Optional.of(value(arguments[0], random, Math.max(level, 1), owner));
        }
        throw noGenerator(type, owner);
    }

    private static String string(Random random, int level) {
        if (level < 2 && random.nextInt(3) == 0) {
            String wild = WILD_STRINGS[random.nextInt(WILD_STRINGS.length)];
            if (level == 0 || !wild.isBlank()) {
                return wild;
            }
        }
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
        int length = 1 + random.nextInt(16);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static IllegalStateException noGenerator(Type type, Class<?> owner) {
        return new IllegalStateException("Samples has no generator for " + type.getTypeName() + " (a component of "
                + owner.getName() + "); add one so that the bus round-trip tests cover this message type");
    }
}
