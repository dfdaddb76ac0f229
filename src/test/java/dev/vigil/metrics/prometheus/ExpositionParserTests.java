package dev.vigil.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.vigil.metrics.Sample;
import dev.vigil.metrics.prometheus.ExpositionParser.Exposition;

class ExpositionParserTests {

    private static final Instant SCRAPED_AT = Instant.parse("2026-05-01T10:00:00Z");

    static Stream<Arguments> expositions() {
        return Stream.of(
                arguments("counter with HELP, TYPE and timestamps", """
                        # HELP http_requests_total The total number of HTTP requests.
                        # TYPE http_requests_total counter
                        http_requests_total{method="post",code="200"} 1027 1395066363000
                        http_requests_total{method="post",code="400"}    3 1395066363000
                        """, List.of(
                        sample("http_requests_total", "method", "post", "code", "200", 1027, 1395066363000L),
                        sample("http_requests_total", "method", "post", "code", "400", 3, 1395066363000L))),
                arguments("gauge without labels or timestamp takes the scrape time", """
                        # TYPE temperature_celsius gauge
                        temperature_celsius -3.5
                        """, List.of(sample("temperature_celsius", -3.5))),
                arguments("label value escapes: backslash, quote, line feed", """
                        msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
                        """, List.of(sample("msdos_file_access_time_seconds",
                        "path", "C:\\DIR\\FILE.TXT", "error", "Cannot find file:\n\"FILE.TXT\"", 1.458255915e9))),
                arguments("histogram keeps its bucket, sum and count series; le=\"+Inf\" is a label, not a value", """
                        # HELP http_request_duration_seconds A histogram of the request duration.
                        # TYPE http_request_duration_seconds histogram
                        http_request_duration_seconds_bucket{le="0.05"} 24054
                        http_request_duration_seconds_bucket{le="0.5"} 129389
                        http_request_duration_seconds_bucket{le="+Inf"} 144320
                        http_request_duration_seconds_sum 53423
                        http_request_duration_seconds_count 144320
                        """, List.of(
                        sample("http_request_duration_seconds_bucket", "le", "0.05", 24054),
                        sample("http_request_duration_seconds_bucket", "le", "0.5", 129389),
                        sample("http_request_duration_seconds_bucket", "le", "+Inf", 144320),
                        sample("http_request_duration_seconds_sum", 53423),
                        sample("http_request_duration_seconds_count", 144320))),
                arguments("summary keeps its quantile, sum and count series", """
                        # TYPE rpc_duration_seconds summary
                        rpc_duration_seconds{quantile="0.5"} 4773
                        rpc_duration_seconds{quantile="0.99"} 76656
                        rpc_duration_seconds_sum 1.7560473e+07
                        rpc_duration_seconds_count 2693
                        """, List.of(
                        sample("rpc_duration_seconds", "quantile", "0.5", 4773),
                        sample("rpc_duration_seconds", "quantile", "0.99", 76656),
                        sample("rpc_duration_seconds_sum", 1.7560473e7),
                        sample("rpc_duration_seconds_count", 2693))),
                arguments("blank lines, other comments, tabs, CRLF, trailing comma and empty braces", """

                        # just a comment
                        #TYPE untyped_thing untyped
                        \tindented{a="1",} 1\r
                        empty_braces{} 2
                        spaced { a = "x" , b = "y" } 3
                        """, List.of(
                        sample("indented", "a", "1", 1),
                        sample("empty_braces", 2),
                        sample("spaced", "a", "x", "b", "y", 3))),
                arguments("number spellings Prometheus accepts", """
                        a 1e3
                        b -0.5
                        c .5
                        d +3
                        e 7.
                        f 1 -1000
                        """, List.of(
                        sample("a", 1000), sample("b", -0.5), sample("c", 0.5), sample("d", 3), sample("e", 7),
                        new Sample("f", Map.of(), Instant.ofEpochMilli(-1000), 1))),
                arguments("colons in metric names, UTF-8 in label values", """
                        job:request_rate:5m{city="Zürich"} 4
                        """, List.of(sample("job:request_rate:5m", "city", "Zürich", 4))),
                arguments("an empty body has no samples", "", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expositions")
    void readsEveryKindOfSample(String kind, String text, List<Sample> expected) {
        Exposition exposition = ExpositionParser.parse(text, SCRAPED_AT);

        assertThat(exposition.samples()).containsExactlyElementsOf(expected);
        assertThat(exposition.nonFinite()).isZero();
    }

    static Stream<Arguments> nonFiniteValues() {
        return Stream.of(
                arguments("a NaN\nb +Inf\nc -Inf\nkept 1\n", 3, List.of(sample("kept", 1))),
                arguments("a nan\nb Inf\nc -inf\nd +infinity\n", 4, List.of()),
                arguments("""
                        # TYPE idle_summary summary
                        idle_summary{quantile="0.5"} NaN
                        idle_summary{quantile="0.99"} NaN
                        idle_summary_sum 0
                        idle_summary_count 0
                        """, 2, List.of(sample("idle_summary_sum", 0), sample("idle_summary_count", 0))));
    }

    @ParameterizedTest
    @MethodSource("nonFiniteValues")
    void dropsNonFiniteValuesAndCountsThem(String text, int dropped, List<Sample> kept) {
        Exposition exposition = ExpositionParser.parse(text, SCRAPED_AT);

        assertThat(exposition.samples()).containsExactlyElementsOf(kept);
        assertThat(exposition.nonFinite()).isEqualTo(dropped);
        assertThat(exposition.exposed()).isEqualTo(kept.size() + dropped);
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                arguments("<html><body>Not Found</body></html>", 1, "expected a metric name"),
                arguments("ok 1\n\nfoo{bar} 1", 3, "expected '=' after label name bar"),
                arguments("ok 1\nfoo{a=\"b} 1", 2, "not closed"),
                arguments("foo{a=\"\\x\"} 1", 1, "invalid escape '\\x'"),
                arguments("foo{a=\"1\",a=\"2\"} 1", 1, "label a appears twice"),
                arguments("foo{a=\"1\" b=\"2\"} 1", 1, "expected ',' or '}'"),
                arguments("foo{1a=\"1\"} 1", 1, "expected a label name"),
                arguments("foo", 1, "sample foo has no value"),
                arguments("foo{a=\"1\"}", 1, "sample foo has no value"),
                arguments("foo 12abc", 1, "'12abc' is not a sample value"),
                arguments("foo 1d", 1, "'1d' is not a sample value"),
                arguments("foo 1 12.5", 1, "'12.5' is not a timestamp"),
                arguments("foo 1 99999999999999999999", 1, "is not a timestamp"),
                arguments("foo 1 2 3", 1, "unexpected '3' after the sample foo"),
                arguments("# TYPE foo histogramm", 1, "must be counter, gauge, histogram, summary or untyped"),
                arguments("# TYPE foo", 1, "TYPE of foo is missing"),
                arguments("# TYPE foo counter extra", 1, "unexpected 'extra'"),
                arguments("# HELP", 1, "expected a metric name"),
                arguments("a 1\nb 2\nc 3\n4d 4", 4, "expected a metric name at column 1"));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void rejectsGarbageNamingTheLine(String text, int line, String problem) {
        assertThatExceptionOfType(ExpositionParseException.class)
                .isThrownBy(() -> ExpositionParser.parse(text, SCRAPED_AT))
                .satisfies(e -> assertThat(e.line()).isEqualTo(line))
                .withMessageStartingWith("line " + line + ": ")
                .withMessageContaining(problem);
    }

    /** A sample at the scrape time; labels as name, value pairs before the value. */
    private static Sample sample(String metric, Object... labelsThenValue) {
        Map<String, String> labels = new LinkedHashMap<>();
        int last = labelsThenValue.length - 1;
        for (int i = 0; i < last; i += 2) {
            labels.put((String) labelsThenValue[i], (String) labelsThenValue[i + 1]);
        }
        Object tail = labelsThenValue[last];
        return new Sample(metric, labels, SCRAPED_AT, ((Number) tail).doubleValue());
    }

    private static Sample sample(String metric, String l1, String v1, String l2, String v2, double value, long ts) {
        return new Sample(metric, Map.of(l1, v1, l2, v2), Instant.ofEpochMilli(ts), value);
    }
}
