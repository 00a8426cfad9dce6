package io.cti.router.staff;

/** A reason code as the API answers it: the stored code, and whether only the platform sets it. Immutable. */
record ReasonCodeView(String code, String label, boolean productive, boolean active, boolean system) {

    static ReasonCodeView of(ReasonCode code) {
        return new ReasonCodeView(code.code(), code.label(), code.productive(), code.active(), code.system());
    }
}
