package dev.vigil.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** A figure a goal can name, with its unit and which way is better. */
public enum ReportKpi {
    AVAILABILITY_PCT("%", true),
    RESPONSE_AVG_MS("ms", false),
    RESPONSE_P95_MS("ms", false),
    RESPONSE_P99_MS("ms", false),
    ERROR_RATE_PCT("%", false),
    THROUGHPUT_AVG_RPS("req/s", true),
    MTTA_MINUTES("min", false),
    MTTR_MINUTES("min", false),
    RCA_WITHIN_24H_PCT("%", true);

    private final String unit;
    private final boolean higherIsBetter;

    ReportKpi(String unit, boolean higherIsBetter) {
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    /** The API name: {@code availability_pct}, {@code response_p95_ms}, ... */
    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportKpi> fromApiName(String name) {
        return Arrays.stream(values()).filter(k -> k.apiName().equals(name)).findFirst();
    }

    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The value of this KPI in a report's figures; null when there was no data for it. */
    public Double of(Report.Performance p, Report.Incidents i) {
        return switch (this) {
            case AVAILABILITY_PCT -> p.availabilityPct();
            case RESPONSE_AVG_MS -> p.responseTime().avgMs();
            case RESPONSE_P95_MS -> p.responseTime().p95Ms();
            case RESPONSE_P99_MS -> p.responseTime().p99Ms();
            case ERROR_RATE_PCT -> p.errorRates().overallPct();
            case THROUGHPUT_AVG_RPS -> p.throughput().avgRps();
            case MTTA_MINUTES -> i.mttaMinutes();
            case MTTR_MINUTES -> i.mttrMinutes();
            case RCA_WITHIN_24H_PCT -> i.rcaWithin24hPct();
        };
    }
}
