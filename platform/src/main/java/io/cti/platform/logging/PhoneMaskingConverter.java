package io.cti.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.cti.core.phone.PhoneNumber;

/**
 * Logback converter ({@code %maskedMsg}) that masks anything in a log message that looks like a phone number,
 * as a second line of defence behind {@code PhoneNumber.toString()}: a number that slips into a message as
 * plain text (an exception text, a caller id) still never reaches the log in full. Thread-safe.
 */
public class PhoneMaskingConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    /** The text with every phone number masked by the platform's one rule, {@link PhoneNumber#maskNumbersIn}. */
    public static String mask(String text) {
        return text == null || text.isEmpty() ? text : PhoneNumber.maskNumbersIn(text);
    }
}
