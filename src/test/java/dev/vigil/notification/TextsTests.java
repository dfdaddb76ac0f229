package dev.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTests {

    private static final String LINK = "https://vigil.example/a/Xy7AbCdEfGhIjKlMnOpQrStUvWxYz012";

    @Test
    void theSmsOfTheSpecIsTheTextAndTheAcknowledgeLink() {
        assertThat(Texts.sms("[Vigil] CRITICAL INC-42 checkout p95 812ms > 500ms.", "Ack", LINK))
                .isEqualTo("[Vigil] CRITICAL INC-42 checkout p95 812ms > 500ms. Ack: " + LINK);
    }

    @Test
    void aLongTitleIsShortenedSoTheWholeSmsFitsOneSegmentAndTheLinkStaysWhole() {
        String sms = Texts.sms("[Vigil] HIGH INC-42 " + "very long title ".repeat(20), "Ack", LINK);

        assertThat(sms).hasSize(Texts.SMS_SEGMENT).endsWith("... Ack: " + LINK).startsWith("[Vigil] HIGH INC-42 very");
        // One character outside GSM-7 would make every segment 70 characters.
        assertThat(sms).doesNotContain("…");
    }

    @Test
    void theRichTextCarriesBothLinks() {
        assertThat(Texts.rich("[Vigil] CRITICAL INC-42", "Service: checkout", LINK, "https://vigil.example/incidents/INC-42"))
                .isEqualTo("[Vigil] CRITICAL INC-42\n\nService: checkout\n\nAcknowledge: " + LINK
                        + "\nIncident: https://vigil.example/incidents/INC-42");
    }
}
