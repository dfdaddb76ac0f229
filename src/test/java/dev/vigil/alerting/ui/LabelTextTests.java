package dev.vigil.alerting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.base.FieldViolation;

class LabelTextTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                         | {}",
            "stat=p95                   | {\"stat\":\"p95\"}",
            "stat=p95, region=eu        | {\"stat\":\"p95\",\"region\":\"eu\"}",
            "' region = \"eu, west\" '  | {\"region\":\"eu, west\"}",
            "path=/a=b                  | {\"path\":\"/a=b\"}"})
    void readsLabelsAsTyped(String text, String json) {
        List<FieldViolation> violations = new ArrayList<>();

        assertThat(LabelText.labels(text, "/query/labels", violations).toString()).isEqualTo(json);
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"stat", "stat=p95, region", "stat=~p9.", "=p95"})
    void refusesWhatIsNotNameEqualsValue(String text) {
        List<FieldViolation> violations = new ArrayList<>();

        LabelText.labels(text, "/query/labels", violations);

        assertThat(violations).singleElement().extracting(FieldViolation::pointer).isEqualTo("/query/labels");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "service=\"checkout\"                 | [{\"name\":\"service\",\"operator\":\"=\",\"value\":\"checkout\"}]",
            "alertname=~High.*, env!=dev          | [{\"name\":\"alertname\",\"operator\":\"=~\",\"value\":\"High.*\"},{\"name\":\"env\",\"operator\":\"!=\",\"value\":\"dev\"}]",
            "'instance=~\"a{1,3}\", env=prod'   | [{\"name\":\"instance\",\"operator\":\"=~\",\"value\":\"a{1,3}\"},{\"name\":\"env\",\"operator\":\"=\",\"value\":\"prod\"}]"})
    void readsSilenceMatchersAsAlertmanagerWritesThem(String text, String json) {
        List<FieldViolation> violations = new ArrayList<>();

        assertThat(LabelText.matchers(text, "/matchers", violations).toString()).isEqualTo(json);
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"checkout", "service=checkout, env", "service"})
    void refusesMatchersWithoutAnOperator(String text) {
        List<FieldViolation> violations = new ArrayList<>();

        LabelText.matchers(text, "/matchers", violations);

        assertThat(violations).singleElement().extracting(FieldViolation::pointer).isEqualTo("/matchers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"stat\":\"p95\",\"region\":\"eu\"} | region=eu, stat=p95",
            "{\"region\":\"eu, west\"}            | region=\"eu, west\""})
    void writesLabelsBackSoTheyReadTheSame(String json, String text) {
        var labels = AlertingUiTest.json(json);

        assertThat(LabelText.format(labels)).isEqualTo(text);
        assertThat(LabelText.labels(text, "", new ArrayList<>())).isEqualTo(labels);
    }
}
