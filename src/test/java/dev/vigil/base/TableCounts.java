package dev.vigil.base;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row counts of every table of the application schema, to show that a refused request stored nothing.
 * Only tables whose counts change with time, whatever requests arrive, are left out (see below). Rule
 * evaluation and rollups also write on a clock, but their tables stay counted: the fuzz holds Quartz in
 * standby while it counts ({@link ClockJobsPaused}).
 */
final class TableCounts {

    /**
     * Left out, each because its rows come and go on a clock rather than on a request:
     * QRTZ_* are Quartz's trigger bookkeeping (fired-trigger rows appear and vanish on every firing of the
     * evaluation, rollup, heartbeat and outbox jobs); ACT_* are Flowable's job, timer and history tables,
     * which the async executor works through on its own schedule; SCHEDULER_HEARTBEAT gets its one row per
     * node when Quartz's heartbeat job first fires, which may fall in the middle of the fuzz. Nothing an HTTP
     * request does goes only into these tables: an incident, rule or notification always has its own row in
     * a Vigil table too.
     */
    private static final Pattern TIME_DRIVEN = Pattern.compile("QRTZ_.*|ACT_.*|FLW_.*|SCHEDULER_HEARTBEAT");

    private final JdbcTemplate jdbc;
    private final List<String> tables;

    TableCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name""", String.class)
                .stream().filter(t -> !TIME_DRIVEN.matcher(t).matches()).toList();
    }

    List<String> tables() {
        return tables;
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        return counts;
    }

    /** The tables whose counts differ, as {@code TABLE: before -> after}. */
    static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> e.getKey() + ": " + before.get(e.getKey()) + " -> " + e.getValue())
                .toList();
    }
}
