package dev.vigil.oncall;

/** What teams, services, escalation policies and schedules have in common: an id and a unique name. */
interface OnCallDocument {

    String id();

    String name();
}
