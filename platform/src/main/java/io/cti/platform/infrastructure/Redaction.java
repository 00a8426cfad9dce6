package io.cti.platform.infrastructure;

import java.util.regex.Pattern;

/**
 * Masks secrets in connection strings before they reach a log line or a health detail. Stateless.
 */
final class Redaction {

    private static final Pattern JDBC_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URI_USER_INFO = Pattern.compile("^([a-z-]+://)([^@/]*@)");

    private Redaction() {
    }

    /** {@code jdbc:postgresql://h/db?user=u&password=s} becomes {@code ...password=****}. */
    static String jdbcUrl(String url) {
        return url == null ? null : JDBC_PASSWORD.matcher(url).replaceAll("$1****");
    }

    /** {@code redis://user:secret@h:6379} becomes {@code redis://****@h:6379}. */
    static String redisUri(String uri) {
        return uri == null ? null : URI_USER_INFO.matcher(uri).replaceFirst("$1****@");
    }
}
