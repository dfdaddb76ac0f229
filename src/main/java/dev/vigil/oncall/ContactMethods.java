package dev.vigil.oncall;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and checks a user's {@code contactMethods}: SMS to an E.164 number, or a webhook URL. */
final class ContactMethods {

    static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    static final int MAX = 10;

    private ContactMethods() {
    }

    static List<ContactMethod> read(Fields f) {
        List<ContactMethod> methods = new ArrayList<>();
        for (Fields m : f.objects("contactMethods", 0, MAX)) {
            String type = m.parsed("type", null, ContactMethods::type, "SMS or WEBHOOK");
            String address = m.text("address", true, 2000);
            if (ContactMethod.SMS.equals(type) && address != null && !E164.matcher(address).matches()) {
                m.reject("address", "must be a phone number in E.164 form: + country code and number, digits only, "
                        + "e.g. +15550001111");
            } else if (ContactMethod.WEBHOOK.equals(type) && address != null && !isWebUrl(address)) {
                m.reject("address", "must be an http or https URL");
            }
            methods.add(new ContactMethod(type, address));
        }
        return methods;
    }

    private static String type(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.equals(ContactMethod.SMS) || upper.equals(ContactMethod.WEBHOOK) ? upper : null;
    }

    static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
