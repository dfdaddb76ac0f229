package dev.vigil.reporting;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationContext;

/** Lets tests outside this package archive a report the way the schedule does. */
public final class ReportArchives {

    private ReportArchives() {
    }

    /** Archives the overall daily report of {@code day} (UTC) and returns its archive id. */
    public static long archiveOverallDaily(ApplicationContext context, LocalDate day) {
        return context.getBean(ReportArchiver.class)
                .archive(ReportWindow.containing(Period.DAILY, day, ZoneOffset.UTC), null)
                .orElseThrow().archiveId();
    }
}
