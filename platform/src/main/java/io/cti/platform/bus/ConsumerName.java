package io.cti.platform.bus;

/** This process's consumer name within every consumer group it joins. Immutable. */
public record ConsumerName(String value) {
}
