package io.cti.pbxsim.calls;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge as Dial creates it. Mutable; confined to the clock thread. */
final class Bridge {

    final String id;
    final List<Channel> members = new ArrayList<>();

    Bridge(String id) {
        this.id = id;
    }
}
