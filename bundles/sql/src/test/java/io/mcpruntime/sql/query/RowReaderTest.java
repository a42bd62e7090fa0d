package io.mcpruntime.sql.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte cap counts what the rows weigh in UTF-8, not in Java chars. */
class RowReaderTest {

    @Test
    void sizesAreUtf8Bytes() {
        for (String text : new String[] {"", "orders", "Müller", "Ωμέγα", "東京", "emoji 😀", "a\u07ffb\u0800c"}) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, RowReader.utf8Length(text), text);
        }
    }
}
