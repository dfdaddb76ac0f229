package dev.vigil.metrics;

import java.util.List;
import java.util.Map;

/** The answer to a query: one entry per matching series, and the resolution it was computed from. */
public record QueryResult(Resolution resolution, List<SeriesPoints> series) {

    /** The data a query was answered from. */
    public enum Resolution {
        RAW("raw"), ONE_MINUTE("1m"), ONE_HOUR("1h");

        private final String apiName;

        Resolution(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    /** One series and its points: [epoch millis of the step start, value], only steps that had data. */
    public record SeriesPoints(String metric, Map<String, String> labels, List<Point> points) {
    }

    /** One step's value. */
    public record Point(long timestamp, double value) {
    }
}
