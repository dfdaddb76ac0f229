package dev.vigil;

/** Credentials the test contexts bootstrap with (never used outside tests). */
public final class TestAccounts {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-1";
    public static final String API_TOKEN = "vgl_test_bootstrap_token_0123456789";

    private TestAccounts() {
    }
}
