package io.team365.customfields;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.Browserless;
import io.team365.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomFieldPagesTests extends IntegrationTest {

    @Test
    void adminsDefineFieldsInSettingsAndContactFormsUseThem() {
        SignedUp owner = signUpAndVerify("Custom Pages Co");
        Browserless browser = owner.session();
        assertThat(browser.page("/settings/fields").body()).contains("No custom fields yet");

        HttpResponse<String> bad = browser.postForm(
                "/settings/fields", Map.of("object", "contact", "label", "Tier", "type", "select", "options", ""));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Give 1 to 100 options");
        assertThat(browser.postForm(
                                "/settings/fields",
                                Map.of(
                                        "object",
                                        "contact",
                                        "label",
                                        "Customer tier",
                                        "type",
                                        "select",
                                        "options",
                                        "gold\nsilver"))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/settings/fields?done=defined");
        browser.postForm("/settings/fields", Map.of("object", "contact", "label", "VIP", "type", "bool"));
        browser.postForm("/settings/fields", Map.of("object", "contact", "label", "Budget", "type", "money"));
        assertThat(browser.get("/api/v1/custom-fields").body())
                .contains("\"key\":\"customer_tier\"", "\"key\":\"vip\"");

        assertThat(browser.page("/contacts/new").body())
                .contains("name=\"cf.customer_tier\"", "name=\"cf.vip\"", "name=\"cf.budget.amount\"");
        Map<String, String> wrong = contact("Tia");
        wrong.put("cf.customer_tier", "bronze");
        HttpResponse<String> refused = browser.postForm("/contacts", wrong);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Choose one of: gold, silver");

        Map<String, String> right = contact("Tia");
        right.put("cf.customer_tier", "gold");
        right.put("cf.vip", "true");
        right.put("cf.vip.present", "1");
        right.put("cf.budget.amount", "2500");
        right.put("cf.budget.currency", "eur");
        String location = browser.postForm("/contacts", right)
                .headers()
                .firstValue("Location")
                .orElse("");
        String page =
                browser.page(location.substring(location.indexOf("/contacts/"))).body();
        assertThat(page)
                .contains("Customer tier")
                .contains("<dd>gold</dd>")
                .contains("<dd>Yes</dd>")
                .contains("2,500");

        Joined member = inviteAndJoin(owner, "member");
        assertThat(member.session().page("/settings/fields").statusCode()).isEqualTo(403);
    }

    private static Map<String, String> contact(String name) {
        Map<String, String> form = new HashMap<>();
        form.put("firstName", name);
        form.put("lastName", "");
        form.put("email", "");
        form.put("phone", "");
        form.put("jobTitle", "");
        form.put("tags", "");
        form.put("source", "");
        return form;
    }
}
