package dev.vigil.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit log as CSV, oldest first, one change per row with the thing before and after as JSON, for
 * auditors' spreadsheets and for the report archive.
 */
final class AuditCsv {

    static final String[] HEADER = {"id", "at", "actor", "actor_type", "action", "target_type", "target_id", "before",
            "after"};
    private static final int CHUNK = 5_000;

    private AuditCsv() {
    }

    /** Reads {@code chunkAfter(lastId, size)} until it runs dry, so a long log never sits in memory whole. */
    static byte[] render(BiFunction<Long, Integer, List<AuditEntry>> chunkAfter) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            long lastId = 0;
            List<AuditEntry> chunk;
            do {
                chunk = chunkAfter.apply(lastId, CHUNK);
                for (AuditEntry e : chunk) {
                    csv.printRecord(e.id(), e.at(), e.actor(), e.actorType(), e.action(), e.targetType(), e.targetId(),
                            e.before() == null ? "" : e.before().toString(), e.after() == null ? "" : e.after().toString());
                    lastId = e.id();
                }
            } while (chunk.size() == CHUNK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
