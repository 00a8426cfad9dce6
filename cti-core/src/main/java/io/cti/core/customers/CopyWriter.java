package io.cti.core.customers;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes rows for one {@code COPY ... FROM STDIN} in PostgreSQL's binary format: each value as the server keeps
 * it (no text for the server to parse), strings encoded as UTF-8 straight into the buffer. The column types are
 * the schema's: the caller writes each value with the method of its column's type. The rows are kept in memory
 * until {@link #finish()}, so that a batch can be encoded on one thread while another sends an earlier one.
 * Not thread-safe.
 */
final class CopyWriter {

    /** The encoded rows of one table, ready to send. Immutable once made (the chunks are not shared). */
    record Data(String target, List<byte[]> chunks, long rows) {

        /** Sends the rows in one COPY; a COPY that fails part-way is cancelled, so nothing half-sent stays. */
        void send(CopyManager manager) throws SQLException {
            CopyIn copy = manager.copyIn("copy " + target + " from stdin with (format binary)");
            try {
                for (byte[] chunk : chunks) {
                    copy.writeToCopy(chunk, 0, chunk.length);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    private static final int FLUSH_AT = 1 << 18;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final long PG_EPOCH_DAY = 10_957;
    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private final String target;
    private final List<byte[]> chunks = new ArrayList<>();
    private long rows;
    private byte[] buffer = new byte[FLUSH_AT + 4096];
    private int length;
    private int rowStart = -1;
    private int fields;

    /** {@code target}: the table and its columns, as COPY names them, e.g. {@code purchase (customer_id, ...)}. */
    CopyWriter(String target) {
        this.target = target;
        ensure(SIGNATURE.length + 8);
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        length = SIGNATURE.length;
        putInt(0); // flags
        putInt(0); // header extension length
    }

    CopyWriter text(String value) {
        if (value == null) {
            return nullValue();
        }
        field();
        int lengthAt = length;
        putInt(0);
        int n = value.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                // not ASCII (Chinese names, notes): encode the rest at once
                byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
                ensure(bytes.length);
                System.arraycopy(bytes, 0, buffer, length, bytes.length);
                length += bytes.length;
                break;
            }
            buffer[length++] = (byte) c;
        }
        patchInt(lengthAt, length - lengthAt - 4);
        return this;
    }

    /** A jsonb value: format version 1, then the JSON text. */
    CopyWriter jsonb(String json) {
        if (json == null) {
            return nullValue();
        }
        field();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length + 1);
        putByte(1);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    CopyWriter int8(long value) {
        field();
        putInt(8);
        putLong(value);
        return this;
    }

    CopyWriter int8(Long value) {
        return value == null ? nullValue() : int8(value.longValue());
    }

    CopyWriter int4(int value) {
        field();
        putInt(4);
        putInt(value);
        return this;
    }

    CopyWriter int4(Integer value) {
        return value == null ? nullValue() : int4(value.intValue());
    }

    CopyWriter int2(int value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalArgumentException("not a smallint: " + value);
        }
        field();
        putInt(2);
        putShort(value);
        return this;
    }

    CopyWriter bool(boolean value) {
        field();
        putInt(1);
        return putByte(value ? 1 : 0);
    }

    /** Days since 2000-01-01. */
    CopyWriter date(LocalDate value) {
        if (value == null) {
            return nullValue();
        }
        field();
        putInt(4);
        putInt(Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
        return this;
    }

    /** Microseconds since 2000-01-01 UTC (PostgreSQL keeps no finer time). */
    CopyWriter timestamp(Instant value) {
        if (value == null) {
            return nullValue();
        }
        field();
        putInt(8);
        putLong(Math.addExact(Math.multiplyExact(value.getEpochSecond() - PG_EPOCH_SECOND, 1_000_000L),
                value.getNano() / 1_000));
        return this;
    }

    /**
     * PostgreSQL's numeric on the wire: digit count, weight (of the first base-10000 digit), sign, display
     * scale, then the base-10000 digits.
     */
    CopyWriter numeric(BigDecimal value) {
        if (value == null) {
            return nullValue();
        }
        field();
        int scale = Math.max(0, value.scale());
        BigInteger unscaled = value.setScale(scale).unscaledValue();
        int sign = unscaled.signum() < 0 ? 0x4000 : 0;
        // align the decimal point on a base-10000 digit boundary
        int pad = (4 - scale % 4) % 4;
        BigInteger digitsValue = unscaled.abs().multiply(BigInteger.TEN.pow(pad));
        int fractionGroups = (scale + pad) / 4;
        short[] groups = new short[digitsValue.bitLength() / 13 + 2];
        int count = 0;
        if (digitsValue.bitLength() < 63) {
            long rest = digitsValue.longValue();
            while (rest != 0) {
                groups[count++] = (short) (rest % 10_000);
                rest /= 10_000;
            }
        } else {
            BigInteger rest = digitsValue;
            while (rest.signum() != 0) {
                BigInteger[] qr = rest.divideAndRemainder(TEN_THOUSAND);
                groups[count++] = qr[1].shortValue();
                rest = qr[0];
            }
        }
        putInt(8 + 2 * count);
        putShort(count);
        putShort(count == 0 ? 0 : count - 1 - fractionGroups);
        putShort(sign);
        putShort(scale);
        for (int i = count - 1; i >= 0; i--) {
            putShort(groups[i]);
        }
        return this;
    }

    void endRow() {
        if (rowStart < 0) {
            throw new IllegalStateException("a row needs at least one value");
        }
        buffer[rowStart] = (byte) (fields >>> 8);
        buffer[rowStart + 1] = (byte) fields;
        rowStart = -1;
        rows++;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Ends the rows: what {@link Data#send} sends. */
    Data finish() {
        putShort(-1); // trailer
        flush();
        return new Data(target, List.copyOf(chunks), rows);
    }

    private void flush() {
        if (length > 0) {
            chunks.add(Arrays.copyOf(buffer, length));
            length = 0;
        }
    }

    /** Starts a field, and a row (with its field count to fill in) before the first. */
    private void field() {
        if (rowStart < 0) {
            ensure(2);
            rowStart = length;
            length += 2;
            fields = 0;
        }
        fields++;
    }

    private CopyWriter nullValue() {
        field();
        putInt(-1);
        return this;
    }

    private CopyWriter putByte(int b) {
        ensure(1);
        buffer[length++] = (byte) b;
        return this;
    }

    private void putShort(int v) {
        ensure(2);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void putInt(int v) {
        ensure(4);
        patchInt(length, v);
        length += 4;
    }

    private void patchInt(int at, int v) {
        buffer[at] = (byte) (v >>> 24);
        buffer[at + 1] = (byte) (v >>> 16);
        buffer[at + 2] = (byte) (v >>> 8);
        buffer[at + 3] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
