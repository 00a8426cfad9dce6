package io.cti.pbxsim.ami;

/**
 * A manager account as manager.conf defines one: the user name and its secret (used as given for plain Login,
 * and for the MD5 challenge). Every account may read and write everything. Immutable.
 */
public record AmiUser(String username, String secret) {

    public AmiUser {
        if (username == null || username.isBlank() || secret == null) {
            throw new IllegalArgumentException("an AMI user needs a name and a secret");
        }
    }
}
