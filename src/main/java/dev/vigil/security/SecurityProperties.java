package dev.vigil.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** {@code vigil.security.*}: the first admin and an optional bootstrap API token. */
@Validated
@ConfigurationProperties("vigil.security")
record SecurityProperties(@Valid @DefaultValue BootstrapAdmin bootstrapAdmin, String bootstrapApiToken) {

    /** Without the bootstrap token (a bound configuration record may be shown in a start-up failure). */
    @Override
    public String toString() {
        return "SecurityProperties[bootstrapAdmin=" + bootstrapAdmin + ", bootstrapApiToken="
                + (bootstrapApiToken == null || bootstrapApiToken.isBlank() ? "(none)" : "(set)") + "]";
    }

    /** The admin created when no user exists; a blank password is generated and logged once. */
    record BootstrapAdmin(@NotBlank @DefaultValue("admin") String username, String password) {

        @Override
        public String toString() {
            return "BootstrapAdmin[username=" + username + ", password="
                    + (password == null || password.isBlank() ? "(generated)" : "(set)") + "]";
        }
    }
}
