package io.cti.console.access;

/** Every session of console user {@code username} was ended by an administrator's change. Immutable. */
public record UserSessionsRevoked(String username) {
}
