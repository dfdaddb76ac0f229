package dev.vigil.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/metrics}: a batch of samples, accepted or rejected as a whole. */
@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Metrics")
class MetricsIngestController {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final SampleWriter writer;
    private final SampleBatchReader reader;
    private final long maxBytes;
    private final Clock clock;

    MetricsIngestController(SampleWriter writer, MetricsProperties properties, Clock clock) {
        this.writer = writer;
        this.reader = new SampleBatchReader(new SampleRules(properties.maxLabels(), properties.maxFutureSkew()),
                properties.maxSamplesPerRequest());
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_metrics:write')")
    @Operation(summary = "Push up to 10,000 samples; all are stored or none (400 names every invalid field)")
    ResponseEntity<Map<String, Integer>> push(HttpServletRequest request) throws IOException {
        JsonNode root = parse(readLimited(request));
        SampleBatchReader.Result batch = reader.read(root, clock.instant());
        if (!batch.violations().isEmpty()) {
            throw new InvalidRequestException(batch.violationCount() + " problem(s) in the batch; nothing was stored",
                    batch.violations());
        }
        // The reader has applied every sample rule already; checking them again would double the work.
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("accepted", writer.write(batch.samples())));
    }

    /**
     * Reads at most the limit plus one byte. The declared length is not trusted alone, and reading
     * before refusing lets the server answer 413 instead of dropping the connection on a body that
     * is just too large.
     */
    private byte[] readLimited(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        }
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "The body is larger than " + maxBytes + " bytes; send smaller batches");
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new InvalidRequestException("", "the body is empty; send {\"samples\": [...]}");
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidRequestException("Malformed JSON",
                    java.util.List.of(new FieldViolation("", "malformed JSON" + at + ": " + e.getOriginalMessage())));
        }
    }
}
