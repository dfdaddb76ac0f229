package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.base.FieldViolation;
import tools.jackson.databind.json.JsonMapper;

class SampleBatchReaderTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final SampleBatchReader reader = new SampleBatchReader(new SampleRules(3, Duration.ofHours(1)), 5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            minimal sample                 | {"samples":[{"metric":"api.rt","value":1}]}                                         | |
            iso timestamp and labels       | {"samples":[{"metric":"a","labels":{"k":"v"},"timestamp":"2026-11-27T09:00:00Z","value":2.5}]} | |
            epoch millis timestamp         | {"samples":[{"metric":"a","timestamp":1795770000000,"value":2}]}                     | |
            not an object                  | []                                                                                   | ''               | must be a JSON object
            samples missing                | {}                                                                                   | /samples         | must be an array
            samples empty                  | {"samples":[]}                                                                       | /samples         | at least one
            too many samples               | {"samples":[{},{},{},{},{},{}]}                                                      | /samples         | at most 5
            unknown top-level field        | {"samples":[{"metric":"a","value":1}],"x":1}                                         | /x               | unknown field
            sample not an object           | {"samples":[5]}                                                                      | /samples/0       | must be an object
            metric missing                 | {"samples":[{"value":1}]}                                                            | /samples/0/metric | is required
            metric empty                   | {"samples":[{"metric":"","value":1}]}                                                | /samples/0/metric | must not be empty
            metric malformed               | {"samples":[{"metric":"9lives","value":1}]}                                          | /samples/0/metric | must match
            metric wrong type              | {"samples":[{"metric":7,"value":1}]}                                                 | /samples/0/metric | must be a string
            value missing                  | {"samples":[{"metric":"a"}]}                                                         | /samples/0/value | is required
            value as string                | {"samples":[{"metric":"a","value":"1"}]}                                             | /samples/0/value | must be a number
            value overflows to infinity    | {"samples":[{"metric":"a","value":1e400}]}                                           | /samples/0/value | finite
            too many labels                | {"samples":[{"metric":"a","labels":{"a":"1","b":"2","c":"3","d":"4"},"value":1}]}     | /samples/0/labels | at most 3
            label value not a string       | {"samples":[{"metric":"a","labels":{"k":1},"value":1}]}                              | /samples/0/labels/k | must be a string
            label name malformed           | {"samples":[{"metric":"a","labels":{"a-b":"1"},"value":1}]}                          | /samples/0/labels/a-b | label name must match
            labels not an object           | {"samples":[{"metric":"a","labels":["k"],"value":1}]}                                | /samples/0/labels | must be an object
            timestamp far in the future    | {"samples":[{"metric":"a","timestamp":"2026-11-27T11:30:00Z","value":1}]}            | /samples/0/timestamp | in the future
            timestamp not a date           | {"samples":[{"metric":"a","timestamp":"yesterday","value":1}]}                        | /samples/0/timestamp | ISO-8601
            timestamp wrong type           | {"samples":[{"metric":"a","timestamp":true,"value":1}]}                              | /samples/0/timestamp | ISO-8601
            unknown sample field           | {"samples":[{"metric":"a","value":1,"valeu":2}]}                                     | /samples/0/valeu | unknown field
            second sample is the bad one   | {"samples":[{"metric":"a","value":1},{"metric":"b","value":null}]}                   | /samples/1/value | is required
            """)
    void namesEachInvalidFieldWithAPointerAndAReason(String name, String body, String pointer, String reason) {
        SampleBatchReader.Result result = reader.read(JsonMapper.builder().build().readTree(body), NOW);

        if (pointer == null) {
            assertThat(result.violations()).isEmpty();
            assertThat(result.samples()).hasSize(1);
        } else {
            assertThat(result.violations()).extracting(FieldViolation::pointer).contains(pointer);
            assertThat(result.violations()).filteredOn(v -> v.pointer().equals(pointer))
                    .anySatisfy(v -> assertThat(v.reason()).contains(reason));
        }
    }
}
