package io.team365.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.team365.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class HomeDashboardTests extends IntegrationTest {

    @Test
    void theHomePageCountsContactsAndChartsNewOnesPerWeek() {
        SignedUp owner = signUpAndVerify("Dashboard Co");
        String empty = owner.session().page("/app").body();
        assertThat(empty).contains("No contacts yet. Add your first one").doesNotContain("<canvas");

        owner.session().postJson("/api/v1/contacts", "{\"firstName\":\"One\"}");
        owner.session().postJson("/api/v1/contacts", "{\"firstName\":\"Two\"}");
        String home = owner.session().page("/app").body();
        assertThat(home).contains("<canvas id=\"new-contacts-chart\"").contains("chart.umd.min.js");
        assertThat(home.replaceAll("\\s+", " ")).contains("<span class=\"stat-value\">2</span>");
        assertThat(home.split("<tr><td>", -1))
                .as("twelve weeks in the chart's table")
                .hasSize(13);
        assertThat(home).containsPattern("<tr><td>[A-Z][a-z]{2} \\d{1,2}</td><td>2</td></tr>\\s*</tbody>");
        assertThat(owner.session()
                        .get("/webjars/chart.js/dist/chart.umd.min.js")
                        .statusCode())
                .isEqualTo(200);
    }
}
