package io.cti.router.staff;

/** A reason code as typed: the code, its label, whether it counts as productive (absent: not). Immutable. */
public record ReasonCodeDraft(String code, String label, Boolean productive) {
}
