package io.cti.pbxsim.ami;

/** An event rendered once to its wire bytes and shared by every session it goes to. Immutable by contract. */
record RenderedEvent(String eventClass, byte[] bytes) {
}
