package dev.vigil.base.selfcheck;

import java.util.List;

/**
 * Told the findings of every watchdog round, on the watchdog's thread: opens an incident and pages for a
 * failing one, resolves it when it passes again. Implemented by the incident module; it must neither need
 * Flowable's job executor nor Quartz to do so, since those are what failed.
 */
public interface SelfAlarm {

    void sound(List<Finding> findings);
}
