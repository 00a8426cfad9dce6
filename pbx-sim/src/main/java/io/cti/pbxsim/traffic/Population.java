package io.cti.pbxsim.traffic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The callees of outbound traffic, read from a population file in the binding format
 * (shared/formats/population.md: JSON Lines, one callee per line). Every field is checked; a file that breaks the
 * format is refused with a {@link PopulationException} naming the line and the field. Immutable and thread-safe.
 */
public final class Population {

    private final Map<String, Callee> byPhone;

    Population(Map<String, Callee> byPhone) {
        this.byPhone = Collections.unmodifiableMap(new LinkedHashMap<>(byPhone));
    }

    /** Reads a population file. */
    public static Population load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PopulationException(file.toString(), 0, null, "cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads population text; {@code source} names it in error messages. */
    public static Population parse(String text, String source) {
        return new PopulationParser(source).parse(text);
    }

    /** An empty population (nobody answers: every dial is to an unknown number). */
    public static Population empty() {
        return new Population(Map.of());
    }

    public Optional<Callee> callee(String phone) {
        return Optional.ofNullable(byPhone.get(phone));
    }

    /** The callees in file order. */
    public Collection<Callee> callees() {
        return byPhone.values();
    }

    /** The phone numbers in file order. */
    public List<String> phones() {
        return List.copyOf(byPhone.keySet());
    }

    public int size() {
        return byPhone.size();
    }
}
