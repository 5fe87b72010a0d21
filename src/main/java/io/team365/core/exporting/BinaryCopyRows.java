package io.team365.core.exporting;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyOut;

/**
 * Reads the rows of a {@code COPY … TO STDOUT (format binary)} whose columns are all {@code text}: a header, then per
 * row a field count and, per field, its length (-1 for null) and its bytes, which for {@code text} are the UTF-8 the
 * database holds. The current row stays in one buffer while it is read; the buffer grows only for a row larger than
 * it, so memory stays flat however many rows there are.
 */
final class BinaryCopyRows implements ExportRow {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final CopyOut copy;
    private final int[] position;
    private final int[] offset;
    private final int[] length;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean headerRead;
    private boolean finished;

    /** {@code position[column]} is the field that holds the export column (the same field may serve two). */
    BinaryCopyRows(CopyOut copy, int fields, int[] position) {
        this.copy = copy;
        this.position = position;
        this.offset = new int[fields];
        this.length = new int[fields];
    }

    /** Moves to the next row; false after the last. */
    boolean next() throws SQLException {
        if (finished) {
            return false;
        }
        if (!headerRead) {
            readHeader();
        }
        int at = require(start, 2);
        int count = (short) (((buffer[at] & 0xFF) << 8) | (buffer[at + 1] & 0xFF));
        at += 2;
        if (count == -1) {
            finished = true;
            start = at;
            while (copy.readFromCopy() != null) {
                // the end of the copy: the driver reads the command's completion
            }
            return false;
        }
        if (count != offset.length) {
            throw new IllegalStateException("COPY sent " + count + " fields, expected " + offset.length);
        }
        for (int i = 0; i < count; i++) {
            at = require(at, 4);
            int size = int32(at);
            at += 4;
            if (size < 0) {
                length[i] = -1;
                offset[i] = 0;
                continue;
            }
            at = require(at, size);
            offset[i] = at;
            length[i] = size;
            at += size;
        }
        start = at;
        return true;
    }

    @Override
    public String value(int column) {
        int field = position[column];
        return length[field] < 0 ? null : new String(buffer, offset[field], length[field], StandardCharsets.UTF_8);
    }

    @Override
    public byte[] bytes(int column) {
        int field = position[column];
        return length[field] < 0 ? null : Arrays.copyOfRange(buffer, offset[field], offset[field] + length[field]);
    }

    private void readHeader() throws SQLException {
        require(0, SIGNATURE.length + 8);
        if (!Arrays.equals(buffer, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IllegalStateException("Not a binary COPY stream");
        }
        int extension = int32(SIGNATURE.length + 4);
        int at = require(SIGNATURE.length + 8, extension);
        start = at + extension;
        headerRead = true;
    }

    /**
     * Makes {@code count} bytes from {@code at} (inside the current row) available, reading more of the copy as
     * needed; returns where they now are (the row moves to the front of the buffer when it has to make room).
     */
    private int require(int at, int count) throws SQLException {
        while (end - at < count) {
            byte[] more = copy.readFromCopy();
            if (more == null) {
                throw new IllegalStateException("The COPY stream ended inside a row");
            }
            if (end + more.length > buffer.length) {
                int kept = end - start;
                int needed = kept + more.length;
                byte[] target = needed > buffer.length ? new byte[Math.max(needed, buffer.length * 2)] : buffer;
                System.arraycopy(buffer, start, target, 0, kept);
                int shift = start;
                for (int i = 0; i < offset.length; i++) {
                    offset[i] -= shift;
                }
                buffer = target;
                at -= shift;
                end = kept;
                start = 0;
            }
            System.arraycopy(more, 0, buffer, end, more.length);
            end += more.length;
        }
        return at;
    }

    private int int32(int at) {
        return ((buffer[at] & 0xFF) << 24)
                | ((buffer[at + 1] & 0xFF) << 16)
                | ((buffer[at + 2] & 0xFF) << 8)
                | (buffer[at + 3] & 0xFF);
    }
}
