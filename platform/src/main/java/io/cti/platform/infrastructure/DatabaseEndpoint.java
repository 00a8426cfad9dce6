package io.cti.platform.infrastructure;

/**
 * The PostgreSQL database the platform's pool connects to, whichever server provides it. Immutable.
 *
 * @param username may be null (the driver then uses its own default)
 * @param password may be null
 * @param embedded whether the platform started the server itself
 */
record DatabaseEndpoint(String jdbcUrl, String username, String password, boolean embedded) {

    @Override
    public String toString() {
        return "DatabaseEndpoint[jdbcUrl=" + Redaction.jdbcUrl(jdbcUrl) + ", username=" + username
                + ", embedded=" + embedded + "]";
    }
}
