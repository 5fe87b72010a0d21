package io.team365.core.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyOut;

/**
 * The binary COPY reader without a server: rows split across the driver's messages anywhere (one byte at a time),
 * nulls and empty text, a row larger than the buffer, a column read twice, and a stream cut inside a row.
 */
class BinaryCopyRowsTests {

    @Test
    void readsEveryRowHoweverTheStreamIsCut() throws Exception {
        String big = "é\"\n,".repeat(40_000);
        List<String[]> rows = List.of(
                new String[] {"a", null, ""},
                new String[] {"Zoë 😀", "line\r\nbreak", "=1"},
                new String[] {big, "x", null},
                new String[] {null, null, null});
        byte[] stream = stream(rows);
        for (int chunk : new int[] {1, 7, 1 << 16, stream.length}) {
            List<String[]> read = new ArrayList<>();
            BinaryCopyRows reader = new BinaryCopyRows(new FakeCopy(stream, chunk), 3, new int[] {0, 1, 2, 1});
            while (reader.next()) {
                read.add(new String[] {reader.value(0), reader.value(1), reader.value(2), reader.value(3)});
                assertThat(reader.bytes(1))
                        .isEqualTo(
                                reader.value(1) == null ? null : reader.value(1).getBytes(StandardCharsets.UTF_8));
            }
            assertThat(read).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String[] expected = Arrays.copyOf(rows.get(i), 4);
                expected[3] = rows.get(i)[1];
                assertThat(read.get(i)).as("row %d in chunks of %d", i, chunk).containsExactly(expected);
            }
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void aStreamCutInsideARowOrOfAnotherShapeIsRefused() throws Exception {
        byte[] stream = stream(List.<String[]>of(new String[] {"abc", "def", "ghi"}));
        byte[] cut = Arrays.copyOf(stream, stream.length - 6);
        BinaryCopyRows reader = new BinaryCopyRows(new FakeCopy(cut, 5), 3, new int[] {0, 1, 2});
        assertThatThrownBy(reader::next).isInstanceOf(IllegalStateException.class);
        BinaryCopyRows wrongShape = new BinaryCopyRows(new FakeCopy(stream, 5), 2, new int[] {0, 1});
        assertThatThrownBy(wrongShape::next).isInstanceOf(IllegalStateException.class);
        BinaryCopyRows notCopy = new BinaryCopyRows(
                new FakeCopy("id,name\r\n1,x\r\n".repeat(3).getBytes(StandardCharsets.UTF_8), 5), 2, new int[] {0, 1});
        assertThatThrownBy(notCopy::next).isInstanceOf(IllegalStateException.class);
    }

    /** PostgreSQL's binary COPY format: signature, flags, header extension, rows, trailer. */
    private static byte[] stream(List<String[]> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(3);
        out.write(new byte[] {1, 2, 3});
        for (String[] row : rows) {
            out.writeShort(row.length);
            for (String cell : row) {
                if (cell == null) {
                    out.writeInt(-1);
                } else {
                    byte[] utf8 = cell.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }

    /** Hands the stream over in chunks of a given size, as the driver hands over COPY messages. */
    private static final class FakeCopy implements CopyOut {

        private final Deque<byte[]> chunks = new ArrayDeque<>();

        FakeCopy(byte[] stream, int size) {
            for (int at = 0; at < stream.length; at += size) {
                chunks.add(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + size)));
            }
        }

        @Override
        public byte[] readFromCopy() {
            return chunks.poll();
        }

        @Override
        public byte[] readFromCopy(boolean block) {
            return chunks.poll();
        }

        @Override
        public int getFieldCount() {
            return 0;
        }

        @Override
        public int getFormat() {
            return 1;
        }

        @Override
        public int getFieldFormat(int field) {
            return 1;
        }

        @Override
        public boolean isActive() {
            return !chunks.isEmpty();
        }

        @Override
        public void cancelCopy() {
            chunks.clear();
        }

        @Override
        public long getHandledRowCount() {
            return 0;
        }
    }
}
