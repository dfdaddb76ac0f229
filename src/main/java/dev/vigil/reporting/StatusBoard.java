package dev.vigil.reporting;

import java.time.Instant;
import java.util.List;

/**
 * The status dashboard's figures: every service's KPIs now (the last five complete minutes) against its
 * targets, with the last hour per minute for sparklines, and the overall status (the worst service's).
 */
public record StatusBoard(Instant at, StatusLevel overall, List<ServiceStatus> services) {

    public StatusBoard {
        services = List.copyOf(services);
    }

    /** One service: its status (its worst KPI), whether it has targets, and its four KPI tiles. */
    public record ServiceStatus(String service, StatusLevel status, boolean hasTargets, List<Tile> tiles) {

        public ServiceStatus {
            tiles = List.copyOf(tiles);
        }
    }

    /**
     * One KPI tile.
     *
     * @param value the current value, null without data
     * @param target the value the service must stay within, null without targets
     * @param budgetUsePct how much of the KPI's budget the current value uses (see {@link StatusRules}); null
     *        when there is no budget
     * @param budgetLabel what the budget is ("of 200 ms budget", "of SLO error budget rate", ...)
     * @param reason a short sentence why the tile has its status
     * @param sparkline the last hour per minute, oldest first; null for a minute without data
     */
    public record Tile(Kpi kpi, Double value, Double target, Double budgetUsePct, String budgetLabel,
            StatusLevel status, String reason, List<Double> sparkline) {

        public Tile {
            sparkline = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sparkline));
        }
    }

    /** The dashboard's four KPIs, with the unit and the direction that is better. */
    public enum Kpi {
        RESPONSE_TIME("Response time p95", "ms", false),
        AVAILABILITY("Availability", "%", true),
        ERROR_RATE("Error rate", "%", false),
        THROUGHPUT("Throughput", "req/s", true);

        private final String label;
        private final String unit;
        private final boolean higherIsBetter;

        Kpi(String label, String unit, boolean higherIsBetter) {
            this.label = label;
            this.unit = unit;
            this.higherIsBetter = higherIsBetter;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }
    }
}
