package io.cti.router.calls;

import io.cti.core.phone.PhoneNumber;

/**
 * The numbers that must never be called. The customer database has no Do-Not-Call list yet (cti-core's schema keeps
 * none), so the flow's default is {@link #NONE}; the outbound dialer's list, once it exists, plugs in here.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface DoNotCallList {

    DoNotCallList NONE = number -> false;

    boolean listed(PhoneNumber number);
}
