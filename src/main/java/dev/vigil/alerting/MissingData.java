package dev.vigil.alerting;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an evaluation does when a series had no sample in the rule's window. */
public enum MissingData {
    /** The datapoint does not count; the state stays as it is. */
    IGNORE("ignore"),
    /** The missing datapoint counts as a breach. */
    BREACHING("breaching"),
    /** The missing datapoint counts as healthy. */
    NOT_BREACHING("not-breaching"),
    /** Missing data is itself an alert: the state becomes NO_DATA and pages like a firing alert. */
    NO_DATA_ALERT("no-data-alert");

    private final String apiName;

    MissingData(String apiName) {
        this.apiName = apiName;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }

    public static Optional<MissingData> fromApiName(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equals(name)).findFirst();
    }
}
